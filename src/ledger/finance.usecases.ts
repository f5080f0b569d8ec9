import type { Clock } from '../shared/clock.ts';
import type { DbHandle } from '../shared/db.ts';
import { invalid } from '../shared/errors.ts';
import { ledgerErrors, ledgerTexts } from './ledger.errors.ts';
import { newId } from '../shared/ids.ts';
import { envelopeRef, envelopeSpec, projectRef, projectSpec, type Account, type LedgerPolicy, type ProjectScope } from './ledger.models.ts';
import { findAccountById, findAccountByRef, listAccounts, balanceBefore, chainTip } from './ledger.repository.ts';
import { pendingCreditCents, pendingDebitCents } from './ledger-holds.repository.ts';
import { findProjectById, findProjectByName, insertProject, listProjects as listProjectRows, type Project } from './projects.repository.ts';
import { latestTransfers } from './transfers-view.repository.ts';
import { getOrCreateAccount, postTransfer, reverseTransfer, type Posted } from './ledger.usecases.ts';

// Finance's side of the ledger: reinvestment projects, disbursements, corrections, balances.
export type LedgerDeps = { database: DbHandle; clock: Clock; policy: LedgerPolicy };

const nowIso = (clock: Clock): string => clock.now().toUTC().toISO()!;

export type ProjectView = Project & { accountId: string; balanceCents: number };

function projectAccount(database: DbHandle, project: Project, at: string): Account {
  return getOrCreateAccount(database, projectSpec(project), at);
}

export function createProject(deps: LedgerDeps, input: { name: string; scope: ProjectScope; description: string | null }, actorId: string | null): ProjectView {
  const at = nowIso(deps.clock);
  return deps.database.sqlite
    .transaction((): ProjectView => {
      if (findProjectByName(deps.database.db, input.name)) {
        throw ledgerErrors.projectExists({ name: input.name }, [{ path: 'name', message: 'already used' }]);
      }
      const project: Project = { id: newId('prj'), ...input, createdAt: at, createdBy: actorId };
      insertProject(deps.database.db, project);
      // The project's account exists from the start, so balances list it at zero.
      const account = projectAccount(deps.database, project, at);
      return { ...project, accountId: account.id, balanceCents: 0 };
    })
    .immediate();
}

export function listProjects(deps: LedgerDeps): ProjectView[] {
  const db = deps.database.db;
  return listProjectRows(db).map((project) => {
    const account = findAccountByRef(db, projectRef(project.id));
    return { ...project, accountId: account?.id ?? '', balanceCents: account ? (chainTip(db, account.id)?.balanceAfterCents ?? 0) : 0 };
  });
}

export type DisbursementInput = { projectId: string; amountCents: number; co2eGrams: number; memo: string; entityId: string | null; idempotencyKey: string | null };

// Envelope → project. Refused with 409 ledger.insufficient_funds when the envelope would go below zero
// (unless allowed by configuration). A retried request with the same Idempotency-Key books once.
export function disburse(deps: LedgerDeps, input: DisbursementInput, actorId: string | null): Posted {
  if (deps.policy.envelopeScope === 'entity' && !input.entityId) throw invalid('entityId', ledgerTexts.entityRequired());
  const at = nowIso(deps.clock);
  return deps.database.sqlite
    .transaction((): Posted => {
      const project = findProjectById(deps.database.db, input.projectId);
      if (!project) throw ledgerErrors.projectNotFound({ id: input.projectId }, [{ path: 'projectId', message: 'unknown project' }]);
      const envelope = getOrCreateAccount(deps.database, envelopeSpec(deps.policy, input.entityId), at);
      const target = projectAccount(deps.database, project, at);
      const draft = {
        key: `disbursement:${input.idempotencyKey ?? newId('txf')}`,
        debitAccountId: envelope.id,
        creditAccountId: target.id,
        amountCents: input.amountCents,
        co2eGrams: input.co2eGrams,
        causeKind: 'disbursement' as const,
        causeRef: project.id,
        reversesTransferId: null,
        memo: input.memo,
        actorId,
        at,
      };
      return postTransfer(deps.database, draft, deps.policy);
    })
    .immediate();
}

export function correctTransfer(deps: LedgerDeps, input: { transferId: string; reason: string }, actorId: string | null): Posted {
  return reverseTransfer(deps.database, { ...input, at: nowIso(deps.clock), actorId }, deps.policy);
}

export function resolveAccount(database: DbHandle, idOrRef: string): Account {
  const account = findAccountById(database.db, idOrRef) ?? findAccountByRef(database.db, idOrRef);
  if (!account) throw ledgerErrors.accountNotFound({ ref: idOrRef }, [{ path: 'account', message: 'unknown account id or ref' }]);
  return account;
}

export type BalanceRow = {
  id: string;
  kind: Account['kind'];
  name: string;
  balanceCents: number;
  ref: string;
  entityId: string | null;
  // Holds open now (two-phase contributions), whatever the asOf date.
  pendingDebitCents: number;
  pendingCreditCents: number;
};

// One index seek per account: the latest running balance before the bound.
export function balancesAsOf(database: DbHandle, exclusiveIso: string): BalanceRow[] {
  const db = database.db;
  return listAccounts(db).map((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    balanceCents: balanceBefore(db, a.id, exclusiveIso),
    ref: a.ref,
    entityId: a.entityId,
    pendingDebitCents: pendingDebitCents(db, a.id),
    pendingCreditCents: pendingCreditCents(db, a.id),
  }));
}

export const ledgerAccounts = (deps: Pick<LedgerDeps, 'database'>): Account[] => listAccounts(deps.database.db);

// What the school envelope can give now: its posted balance less pending holds (null when envelopes
// are per entity: there is no one figure to show).
export function envelopeAvailableCents(deps: LedgerDeps): number | null {
  if (deps.policy.envelopeScope !== 'school') return null;
  const envelope = findAccountByRef(deps.database.db, envelopeRef(deps.policy, null));
  if (!envelope) return 0;
  return (chainTip(deps.database.db, envelope.id)?.balanceAfterCents ?? 0) - pendingDebitCents(deps.database.db, envelope.id);
}

export const recentTransfers = (deps: Pick<LedgerDeps, 'database'>, limit: number) => latestTransfers(deps.database, limit);

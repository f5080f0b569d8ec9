import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
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
export type LedgerDeps = { database: Database; clock: Clock; policy: LedgerPolicy };

const nowIso = (clock: Clock): string => clock.now().toUTC().toISO()!;

export type ProjectView = Project & { accountId: string; balanceCents: number };

async function projectAccount(database: Database, project: Project, at: string): Promise<Account> {
  return await getOrCreateAccount(database, projectSpec(project), at);
}

export async function createProject(deps: LedgerDeps, input: { name: string; scope: ProjectScope; description: string | null }, actorId: string | null): Promise<ProjectView> {
  const at = nowIso(deps.clock);
  return await deps.database.transaction(async (): Promise<ProjectView> => {
      if (await findProjectByName(deps.database.db, input.name)) {
        throw ledgerErrors.projectExists({ name: input.name }, [{ path: 'name', message: 'already used' }]);
      }
      const project: Project = { id: newId('prj'), ...input, createdAt: at, createdBy: actorId };
      await insertProject(deps.database.db, project);
      // The project's account exists from the start, so balances list it at zero.
      const account = await projectAccount(deps.database, project, at);
      return { ...project, accountId: account.id, balanceCents: 0 };
    });
}

export async function listProjects(deps: LedgerDeps): Promise<ProjectView[]> {
  const db = deps.database.db;
  return Promise.all((await listProjectRows(db)).map(async (project) => {
    const account = await findAccountByRef(db, projectRef(project.id));
    return { ...project, accountId: account?.id ?? '', balanceCents: account ? ((await chainTip(db, account.id))?.balanceAfterCents ?? 0) : 0 };
  }));
}

export type DisbursementInput = { projectId: string; amountCents: number; co2eGrams: number; memo: string; entityId: string | null; idempotencyKey: string | null };

// Envelope → project. Refused with 409 ledger.insufficient_funds when the envelope would go below zero
// (unless allowed by configuration). A retried request with the same Idempotency-Key books once.
export async function disburse(deps: LedgerDeps, input: DisbursementInput, actorId: string | null): Promise<Posted> {
  if (deps.policy.envelopeScope === 'entity' && !input.entityId) throw invalid('entityId', ledgerTexts.entityRequired());
  const at = nowIso(deps.clock);
  return await deps.database.transaction(async (): Promise<Posted> => {
      const project = await findProjectById(deps.database.db, input.projectId);
      if (!project) throw ledgerErrors.projectNotFound({ id: input.projectId }, [{ path: 'projectId', message: 'unknown project' }]);
      const envelope = await getOrCreateAccount(deps.database, envelopeSpec(deps.policy, input.entityId), at);
      const target = await projectAccount(deps.database, project, at);
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
    });
}

export async function correctTransfer(deps: LedgerDeps, input: { transferId: string; reason: string }, actorId: string | null): Promise<Posted> {
  return await reverseTransfer(deps.database, { ...input, at: nowIso(deps.clock), actorId }, deps.policy);
}

export async function resolveAccount(database: Database, idOrRef: string): Promise<Account> {
  const account = await findAccountById(database.db, idOrRef) ?? await findAccountByRef(database.db, idOrRef);
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
export async function balancesAsOf(database: Database, exclusiveIso: string): Promise<BalanceRow[]> {
  const db = database.db;
  return Promise.all((await listAccounts(db)).map(async (a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    balanceCents: await balanceBefore(db, a.id, exclusiveIso),
    ref: a.ref,
    entityId: a.entityId,
    pendingDebitCents: await pendingDebitCents(db, a.id),
    pendingCreditCents: await pendingCreditCents(db, a.id),
  })));
}

export const ledgerAccounts = (deps: Pick<LedgerDeps, 'database'>): Promise<Account[]> => listAccounts(deps.database.db);

// What the school envelope can give now: its posted balance less pending holds (null when envelopes
// are per entity: there is no one figure to show).
export async function envelopeAvailableCents(deps: LedgerDeps): Promise<number | null> {
  if (deps.policy.envelopeScope !== 'school') return null;
  const envelope = await findAccountByRef(deps.database.db, envelopeRef(deps.policy, null));
  if (!envelope) return 0;
  return ((await chainTip(deps.database.db, envelope.id))?.balanceAfterCents ?? 0) - await pendingDebitCents(deps.database.db, envelope.id);
}

export const recentTransfers = (deps: Pick<LedgerDeps, 'database'>, limit: number) => latestTransfers(deps.database.db, limit);

import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { hasRole } from '../auth/auth.types.ts';
import type { MessageKey, Translate } from '../shared/i18n/index.ts';
import type { FieldErrors } from '../web/forms.ts';
import { listEntities } from '../org/org.usecases.ts';
import { balancesAsOf, envelopeAvailableCents, ledgerAccounts, listProjects, recentTransfers, type LedgerDeps } from './finance.usecases.ts';
import { projectScopes } from './ledger.models.ts';
import { exclusiveBound } from './ledger-dates.models.ts';
import { newIdemKey, parisToday, type LedgerFormatters } from './ledger-pages.helpers.ts';

// Everything the /finance template shows, as plain strings: the template never computes.

export const LATEST_TRANSFERS = 20;

type FormState = { values: Record<string, string>; errors: FieldErrors };
export type FinanceState = {
  asOf?: string;
  balances?: FormState;
  statement?: FormState;
  project?: FormState;
  disbursement?: FormState;
  reverse?: { transferId: string; reason: string; errors: FieldErrors };
};

const empty = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });
const key = (t: Translate, k: string) => t(k as MessageKey);

async function balancesView(deps: LedgerDeps, asOf: string, f: LedgerFormatters, t: Translate) {
  const rows = await balancesAsOf(deps.database, exclusiveBound(asOf, 'asOf'));
  const withHolds = rows.some((r) => r.pendingDebitCents || r.pendingCreditCents);
  return {
    withHolds,
    rows: rows.map((r) => ({
      name: r.name,
      kind: key(t, `ledger.kind.${r.kind}`),
      balance: f.eur(r.balanceCents),
      pending: withHolds ? `${f.eur(-r.pendingDebitCents)} / ${f.eur(r.pendingCreditCents)}` : '',
    })),
  };
}

// What the envelope can give now (posted balance less pending holds): shown beside the amount field.
async function envelopeAvailable(deps: LedgerDeps, f: LedgerFormatters): Promise<string | null> {
  const cents = await envelopeAvailableCents(deps);
  return cents === null ? null : f.eur(cents);
}

async function transfersView(deps: LedgerDeps, f: LedgerFormatters, t: Translate) {
  return (await recentTransfers(deps, LATEST_TRANSFERS)).map((row) => ({
    id: row.id,
    date: f.day(row.effectiveAt),
    from: row.debitName,
    to: row.creditName,
    amount: f.eur(row.amountCents),
    co2e: row.co2eGrams ? f.kg(row.co2eGrams) : '',
    cause: key(t, `ledger.cause.${row.causeKind}`),
    memo: row.memo ?? '',
    reversedBy: row.reversedById,
    reverses: row.reversesTransferId,
  }));
}

export async function financeView(deps: LedgerDeps, user: AuthenticatedUser, state: FinanceState, f: LedgerFormatters, t: Translate) {
  const today = parisToday(deps.clock);
  const asOf = state.asOf ?? today;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const projects = await listProjects(deps);
  const accounts = await ledgerAccounts(deps);
  const entities = deps.policy.envelopeScope === 'entity' ? await listEntities(deps) : [];
  return {
    title: t('ledger.finance.title'),
    canWrite: hasRole(user, 'finance'),
    asOf,
    asOfLabel: f.day(asOf),
    balancesCsv: `/api/ledger/balances?asOf=${asOf}&format=csv`,
    balancesForm: state.balances ?? empty({ asOf }),
    balances: await balancesView(deps, asOf, f, t),
    statementForm: state.statement ?? empty({ account: accounts.find((a) => a.kind === 'envelope')?.id ?? '', from: yearStart, to: today }),
    accountOptions: accounts.map((a) => ({ value: a.id, label: `${a.name} (${key(t, `ledger.kind.${a.kind}`)})` })),
    projectForm: state.project ?? empty({ name: '', scope: 'internal', description: '' }),
    scopeOptions: projectScopes.map((s) => ({ value: s, label: key(t, `ledger.scope.${s}`) })),
    projects: projects.map((p) => ({ name: p.name, scope: key(t, `ledger.scope.${p.scope}`), description: p.description ?? '', balance: f.eur(p.balanceCents), created: f.day(p.createdAt) })),
    disbursementForm: state.disbursement ?? empty({ projectId: '', amount: '', co2e: '', memo: '', entityId: '' }),
    projectOptions: [{ value: '', label: t('ledger.disbursement.project.choose') }, ...projects.map((p) => ({ value: p.id, label: p.name }))],
    entityOptions: entities.length ? [{ value: '', label: t('ledger.disbursement.entity.choose') }, ...entities.map((e) => ({ value: e.id, label: e.name }))] : [],
    envelopeAvailable: await envelopeAvailable(deps, f),
    idem: newIdemKey(),
    transfers: await transfersView(deps, f, t),
    latestMax: LATEST_TRANSFERS,
    reverse: state.reverse ?? { transferId: '', reason: '', errors: {} },
  };
}

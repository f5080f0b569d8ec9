import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/shared/errors.ts';
import { bookMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { correctTransfer, createProject, disburse, type LedgerDeps } from '../../src/ledger/finance.usecases.ts';
import { findTransferByKey } from '../../src/ledger/ledger.repository.ts';
import { installLedgerAuditor, ledgerDatabase } from '../helpers/ledger-auditor.ts';
import { balancesByRef, contribution, ledgerDeps } from './fixture.ts';

installLedgerAuditor();

type Ctx = { deps: LedgerDeps; projectId: string };
type Row = { op: string; run: (ctx: Ctx) => unknown; code: string; balances: { blA: number; blB: number; env: number; prj: number } };

const cancel = (missionId: string) => (c: Ctx) => reverseMissionContribution(c.deps.database, { missionId, at: '2026-11-27T10:00:00Z', actorId: 'usr_f', reason: 'mission annulée' });
const give = (amountCents: number, key: string | null = null) => (c: Ctx) =>
  disburse(c.deps, { projectId: c.projectId, amountCents, co2eGrams: 0, memo: 'versement', entityId: null, idempotencyKey: key }, 'usr_f');
const firstDisbursement = async (c: Ctx) => (await findTransferByKey(c.deps.database.db, 'disbursement:k1'))!.id;

// Each row runs after the previous ones; balances are the state after the row (credit +, debit −).
const rows: Row[] = [
  { op: 'contribute m1 10 000 from line A', run: (c) => bookMissionContribution(c.deps.database, contribution('m1')), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'contribute m1 again (retry)', run: (c) => bookMissionContribution(c.deps.database, contribution('m1')), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'contribute m1 with another amount', run: (c) => bookMissionContribution(c.deps.database, contribution('m1', { amountCents: 9_999 })), code: 'idempotency.conflict', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  // 10 000 + 2 500 = 12 500 in the envelope
  { op: 'contribute m2 2 500 from line B', run: (c) => bookMissionContribution(c.deps.database, contribution('m2', { budgetLineId: 'bgl_b', amountCents: 2_500 })), code: 'ok', balances: { blA: -10_000, blB: -2_500, env: 12_500, prj: 0 } },
  // 12 500 − 12 000 = 500
  { op: 'disburse 12 000 (key k1)', run: give(12_000, 'k1'), code: 'ok', balances: { blA: -10_000, blB: -2_500, env: 500, prj: 12_000 } },
  { op: 'disburse 12 000 again with key k1', run: give(12_000, 'k1'), code: 'ok', balances: { blA: -10_000, blB: -2_500, env: 500, prj: 12_000 } },
  { op: 'disburse 501 (> 500)', run: give(501), code: 'ledger.insufficient_funds', balances: { blA: -10_000, blB: -2_500, env: 500, prj: 12_000 } },
  { op: 'cancel m2 (2 500 > 500 left)', run: cancel('m2'), code: 'ledger.insufficient_funds', balances: { blA: -10_000, blB: -2_500, env: 500, prj: 12_000 } },
  // reversal of the disbursement: 500 + 12 000 = 12 500
  { op: 'correct the disbursement', run: async (c) => correctTransfer(c.deps, { transferId: await firstDisbursement(c), reason: 'erreur de projet' }, 'usr_f'), code: 'ok', balances: { blA: -10_000, blB: -2_500, env: 12_500, prj: 0 } },
  { op: 'correct it again', run: async (c) => correctTransfer(c.deps, { transferId: await firstDisbursement(c), reason: 'double clic' }, 'usr_f'), code: 'ok', balances: { blA: -10_000, blB: -2_500, env: 12_500, prj: 0 } },
  // 12 500 − 2 500 = 10 000
  { op: 'cancel m2', run: cancel('m2'), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'cancel m2 again', run: cancel('m2'), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'contribute m3 with 0', run: (c) => bookMissionContribution(c.deps.database, contribution('m3', { amountCents: 0 })), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'cancel m4, never booked', run: cancel('m4'), code: 'ok', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'correct an unknown transfer', run: (c) => correctTransfer(c.deps, { transferId: 'txf_nope', reason: 'x' }, 'usr_f'), code: 'ledger.transfer.not_found', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'disburse to an unknown project', run: (c) => disburse(c.deps, { projectId: 'prj_nope', amountCents: 1, co2eGrams: 0, memo: 'x', entityId: null, idempotencyKey: null }, 'usr_f'), code: 'ledger.project.not_found', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'disburse 0', run: give(0), code: 'validation.invalid', balances: { blA: -10_000, blB: 0, env: 10_000, prj: 0 } },
  { op: 'disburse exactly the envelope', run: give(10_000), code: 'ok', balances: { blA: -10_000, blB: 0, env: 0, prj: 10_000 } },
  { op: 'disburse 1 from an empty envelope', run: give(1), code: 'ledger.insufficient_funds', balances: { blA: -10_000, blB: 0, env: 0, prj: 10_000 } },
  { op: 'cancel m1 after the money was spent', run: cancel('m1'), code: 'ledger.insufficient_funds', balances: { blA: -10_000, blB: 0, env: 0, prj: 10_000 } },
];

async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
}

describe('ledger scenarios (operation → result code → balances)', () => {
  it('runs the whole table in order', async () => {
    const database = await ledgerDatabase();
    const deps = ledgerDeps(database);
    const ctx: Ctx = { deps, projectId: (await createProject(deps, { name: 'Vélos de service', scope: 'internal', description: null }, 'usr_f')).id };
    for (const row of rows) {
      const code = await outcome(() => row.run(ctx));
      const b = await balancesByRef(database);
      const seen = { blA: b['budget_line:bgl_a'] ?? 0, blB: b['budget_line:bgl_b'] ?? 0, env: b['envelope:school'] ?? 0, prj: b[`project:${ctx.projectId}`] ?? 0 };
      expect({ op: row.op, code, balances: seen }).toEqual({ op: row.op, code: row.code, balances: row.balances });
    }
  });

  it('lets the envelope go below zero when the configuration allows it', async () => {
    const database = await ledgerDatabase({ allowNegativeEnvelope: true });
    const deps = ledgerDeps(database, { allowNegativeEnvelope: true });
    const ctx: Ctx = { deps, projectId: (await createProject(deps, { name: 'Haies', scope: 'territory', description: 'plantation' }, 'usr_f')).id };
    await bookMissionContribution(database, contribution('m1', { amountCents: 300 }));
    // 300 − 500 = −200
    expect(await outcome(() => give(500)(ctx))).toBe('ok');
    expect((await balancesByRef(database))['envelope:school']).toBe(-200);
  });
});

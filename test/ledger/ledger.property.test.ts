import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { isAppError } from '../../src/shared/errors.ts';
import { bookMissionContribution, holdMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { balancesAsOf, correctTransfer, createProject, disburse, type LedgerDeps } from '../../src/ledger/finance.usecases.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { findTransferByKey } from '../../src/ledger/ledger.repository.ts';
import { defaultLedgerPolicy, type LedgerPolicy, type Transfer } from '../../src/ledger/ledger.models.ts';
import { engineDatabase, testEngine } from '../helpers/db.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { count, FAR_FUTURE, ledgerDeps, NOW } from './fixture.ts';
import { ENVELOPE, LedgerModel, type Op } from './ledger-model.ts';

installLedgerAuditor();

// Replay a failure with LEDGER_SEED=<printed seed> (fast-check also prints the shrunk path).
const seed = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Fewer runs on PostgreSQL (a database per run costs a copy of the template): the SQLite run explores more.
const numRuns = Number(process.env.LEDGER_RUNS ?? (testEngine() === 'postgres' ? 25 : 60));

const mission = fc.integer({ min: 0, max: 5 });
const line = fc.integer({ min: 0, max: 2 });
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40_000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('contribute' as const), mission, line, amountCents: amount }),
  fc.record({ kind: fc.constant('hold' as const), mission, line, amountCents: amount }),
  fc.record({ kind: fc.constant('cancel' as const), mission }),
  fc.record({ kind: fc.constant('disburse' as const), project: fc.integer({ min: 0, max: 1 }), amountCents: fc.integer({ min: 1, max: 30_000 }), key: fc.option(fc.integer({ min: 0, max: 3 })) }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat() }),
);
const policy = fc.record({ allowNegativeEnvelope: fc.boolean(), holds: fc.boolean() }).map((p): LedgerPolicy => ({ ...defaultLedgerPolicy, ...p }));

async function runReal(deps: LedgerDeps, model: LedgerModel, o: Op): Promise<{ code: string; transfer: Transfer | null }> {
  const { database, policy: p } = deps;
  const input = (m: number, l: number, a: number) => ({ missionId: String(m), budgetLineId: `bgl_${l}`, entityId: null, amountCents: a, co2eGrams: a * 10, at: NOW, actorId: 'usr_v' });
  try {
    switch (o.kind) {
      case 'contribute':
        return { code: 'ok', transfer: await bookMissionContribution(database, input(o.mission, o.line, o.amountCents), p) };
      case 'hold':
        await holdMissionContribution(database, input(o.mission, o.line, o.amountCents), p);
        return { code: 'ok', transfer: null };
      case 'cancel':
        return { code: 'ok', transfer: await reverseMissionContribution(database, { missionId: String(o.mission), at: NOW, actorId: 'usr_v', reason: 'annulée' }, p) };
      case 'disburse': {
        const projectId = model.projectRefs[o.project]!.slice('project:'.length);
        const key = o.key === null ? null : `k${o.key}`;
        return { code: 'ok', transfer: (await disburse(deps, { projectId, amountCents: o.amountCents, co2eGrams: 0, memo: 'versement', entityId: null, idempotencyKey: key }, 'usr_f')).transfer };
      }
      case 'correct': {
        const target = model.transfers[o.pick % Math.max(1, model.transfers.length)];
        if (!target) return { code: 'ok', transfer: null };
        return { code: 'ok', transfer: (await correctTransfer(deps, { transferId: target.id, reason: 'correction' }, 'usr_f')).transfer };
      }
    }
  } catch (err) {
    if (isAppError(err)) return { code: err.code, transfer: null };
    throw err;
  }
}

async function expectSameState(database: Database, model: LedgerModel, p: LedgerPolicy): Promise<void> {
  const audit = await auditLedger(database, p);
  expect(audit.problems).toEqual([]);
  const real = await balancesAsOf(database, FAR_FUTURE);
  for (const account of real) {
    expect([account.ref, account.balanceCents, account.pendingDebitCents, account.pendingCreditCents]).toEqual([
      account.ref,
      model.balance(account.ref),
      model.pendingDebit(account.ref),
      model.pendingCredit(account.ref),
    ]);
  }
  const envelope = real.find((a) => a.ref === ENVELOPE)?.balanceCents ?? 0;
  if (!p.allowNegativeEnvelope) expect(envelope).toBeGreaterThanOrEqual(0);
  for (let m = 0; m <= 5; m += 1) {
    expect(await count(database, 'ledger_transfers', "cause_kind = 'mission_contribution' and cause_ref = ?", String(m))).toBeLessThanOrEqual(1);
  }
}

describe('ledger property: random validate / hold / cancel / disburse / correct sequences', () => {
  it(`keeps every invariant after every step and agrees with a naive model (seed ${seed})`, async () => {
    console.info(`ledger property test: seed=${seed} numRuns=${numRuns} (replay with LEDGER_SEED=${seed})`);
    await fc.assert(
      fc.asyncProperty(policy, fc.array(op, { minLength: 5, maxLength: 40, size: 'max' }), async (p, ops) => {
        // Audited after every step (expectSameState) and closed after each run: a run's database is its own.
        const database = await engineDatabase();
        try {
          const deps = ledgerDeps(database, p);
          const projects: string[] = [];
          for (const name of ['Vélos', 'Haies']) projects.push(`project:${(await createProject(deps, { name, scope: 'internal', description: null }, 'usr_f')).id}`);
          const model = new LedgerModel(p, projects);
          for (const o of ops) {
            const real = await runReal(deps, model, o);
            const expected = model.apply(o);
            expect({ op: o, code: real.code }).toEqual({ op: o, code: expected });
            if (model.booked) {
              // The model booked a new transfer: the real ledger must have booked one too, under the same key.
              expect(real.transfer).not.toBeNull();
              if (model.booked.key !== '(generated)' && !model.booked.key.startsWith('transfer:')) expect(real.transfer!.key).toBe(model.booked.key);
              model.booked.id = real.transfer!.id;
              model.booked.key = real.transfer!.key;
            }
            await expectSameState(database, model, p);
          }
          for (const t of model.transfers) expect((await findTransferByKey(database.db, t.key))?.id).toBe(t.id);
        } finally {
          await database.close();
        }
      }),
      { seed, numRuns },
    );
  }, 60_000);
});

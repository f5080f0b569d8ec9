import { describe, expect, it } from 'vitest';
import {
  bookMissionContribution,
  holdMissionContribution,
  reverseMissionContribution,
  voidMissionHold,
} from '../../src/ledger/contributions.usecases.ts';
import { balancesAsOf, correctTransfer } from '../../src/ledger/finance.usecases.ts';
import { defaultLedgerPolicy, type LedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { installLedgerAuditor, ledgerDatabase } from '../helpers/ledger-auditor.ts';
import { balancesByRef, contribution, count, ledgerDeps, select } from './fixture.ts';

installLedgerAuditor();

const cancelInput = (missionId: string, at = '2026-11-28T09:00:00Z') => ({ missionId, at, actorId: 'usr_f', reason: 'mission annulée' });
const withHolds: LedgerPolicy = { ...defaultLedgerPolicy, holds: true };

describe('bookMissionContribution', () => {
  it('books budget line → envelope once, however often it is called', async () => {
    const database = await ledgerDatabase();
    const first = await bookMissionContribution(database, contribution('m1'));
    const second = await bookMissionContribution(database, contribution('m1', { at: '2026-11-27T11:00:00Z' }));
    expect(second?.id).toBe(first?.id);
    expect(first).toMatchObject({ key: 'mission:m1:contribution', amountCents: 10_000, co2eGrams: 1_000_000, causeKind: 'mission_contribution', causeRef: 'm1' });
    expect(await count(database, 'ledger_transfers')).toBe(1);
    expect(await balancesByRef(database)).toEqual({ 'budget_line:bgl_a': -10_000, 'envelope:school': 10_000 });
  });

  it('books nothing for an amount of zero', async () => {
    const database = await ledgerDatabase();
    expect(await bookMissionContribution(database, contribution('m1', { amountCents: 0 }))).toBeNull();
    expect(await count(database, 'ledger_transfers')).toBe(0);
  });

  it('rolls back with the caller transaction, and commits with it', async () => {
    const database = await ledgerDatabase();
    const validate = (fail: boolean) =>
      database.transaction(async () => {
        await bookMissionContribution(database, contribution('m1'));
        if (fail) throw new Error('status change refused');
      });
    await expect(validate(true)).rejects.toThrow('status change refused');
    expect(await count(database, 'ledger_transfers')).toBe(0);
    await validate(false);
    expect(await count(database, 'ledger_transfers')).toBe(1);
  });

  it('refuses an invalid instant or amount with a 400 naming the field', async () => {
    const database = await ledgerDatabase();
    await expect(bookMissionContribution(database, contribution('m1', { at: 'yesterday' }))).rejects.toThrow(expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path: 'at' })] }));
    await expect(bookMissionContribution(database, contribution('m1', { amountCents: 10.5 }))).rejects.toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'amountCents' })] }));
    await expect(bookMissionContribution(database, contribution('m1', { co2eGrams: -1 }))).rejects.toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'co2eGrams' })] }));
  });

  it('uses one envelope per entity when so configured', async () => {
    const database = await ledgerDatabase();
    const policy: LedgerPolicy = { ...defaultLedgerPolicy, envelopeScope: 'entity' };
    await bookMissionContribution(database, contribution('m1', { entityId: 'ent_1' }), policy);
    await bookMissionContribution(database, contribution('m2', { entityId: 'ent_2', amountCents: 700 }), policy);
    expect(await balancesByRef(database)).toEqual({ 'budget_line:bgl_a': -10_700, 'envelope:ent_1': 10_000, 'envelope:ent_2': 700 });
  });
});

describe('reverseMissionContribution', () => {
  it('books the linked reversal once', async () => {
    const database = await ledgerDatabase();
    const original = (await bookMissionContribution(database, contribution('m1')))!;
    const reversal = await reverseMissionContribution(database, cancelInput('m1'));
    const again = await reverseMissionContribution(database, cancelInput('m1', '2026-11-29T09:00:00Z'));
    expect(reversal).toMatchObject({ key: 'mission:m1:contribution:reversal', reversesTransferId: original.id, causeKind: 'mission_reversal', amountCents: 10_000 });
    expect(again?.id).toBe(reversal?.id);
    expect(await count(database, 'ledger_transfers')).toBe(2);
    expect(await balancesByRef(database)).toEqual({ 'budget_line:bgl_a': 0, 'envelope:school': 0 });
  });

  it('returns null when nothing was booked', async () => {
    const database = await ledgerDatabase();
    expect(await reverseMissionContribution(database, cancelInput('m9'))).toBeNull();
  });

  it('returns the finance correction when finance already reversed the contribution', async () => {
    const database = await ledgerDatabase();
    const original = (await bookMissionContribution(database, contribution('m1')))!;
    const correction = (await correctTransfer(ledgerDeps(database), { transferId: original.id, reason: 'erreur' }, 'usr_f')).transfer;
    expect((await reverseMissionContribution(database, cancelInput('m1')))?.id).toBe(correction.id);
    expect(await count(database, 'ledger_transfers')).toBe(2);
  });
});

describe('effective time and balances as of a date', () => {
  it('never backdates an entry before a later one of the same account', async () => {
    const database = await ledgerDatabase();
    await bookMissionContribution(database, contribution('m1', { at: '2026-03-10T10:00:00Z' }));
    const late = (await bookMissionContribution(database, contribution('m2', { at: '2026-03-01T10:00:00Z', amountCents: 500 })))!;
    expect(late.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(late.effectiveAt).toBe('2026-03-10T10:00:00.000Z');
    // As of 5 March nothing counts yet: the late booking is effective on the 10th with the first one.
    expect((await balancesByRef(database, '2026-03-05T00:00:00.000Z'))['envelope:school']).toBe(0);
    expect((await balancesByRef(database))['envelope:school']).toBe(10_500);
  });

  it('counts a Paris calendar day up to its midnight', async () => {
    const database = await ledgerDatabase();
    // 31 January 23:30 UTC is 1 February 00:30 in Paris (UTC+1 in winter).
    await bookMissionContribution(database, contribution('m1', { at: '2026-01-15T12:00:00Z', amountCents: 1_000 }));
    await bookMissionContribution(database, contribution('m2', { at: '2026-01-31T23:30:00Z', amountCents: 200 }));
    const envelope = async (before: string) => (await balancesAsOf(database, before)).find((a) => a.kind === 'envelope')!.balanceCents;
    // Bound of "as of 2026-01-31" = 1 February 00:00 Paris = 2026-01-31T23:00:00Z.
    expect(await envelope('2026-01-31T23:00:00.000Z')).toBe(1_000);
    expect(await envelope('2026-02-01T23:00:00.000Z')).toBe(1_200);
  });
});

describe('holds (two-phase contributions)', () => {
  it('does nothing when holds are off', async () => {
    const database = await ledgerDatabase();
    expect(await holdMissionContribution(database, contribution('m1'))).toBeNull();
    expect(await count(database, 'ledger_holds')).toBe(0);
  });

  it('reserves at approval, posts at validation', async () => {
    const database = await ledgerDatabase();
    const hold = (await holdMissionContribution(database, contribution('m1'), withHolds))!;
    expect((await holdMissionContribution(database, contribution('m1'), withHolds))?.id).toBe(hold.id);
    const pending = Object.fromEntries((await balancesAsOf(database, '2100-01-01T00:00:00.000Z')).map((a) => [a.ref, [a.balanceCents, a.pendingDebitCents, a.pendingCreditCents]]));
    expect(pending).toEqual({ 'budget_line:bgl_a': [0, 10_000, 0], 'envelope:school': [0, 0, 10_000] });
    // Validation posts a recomputed amount; the 1 000 difference is released.
    const posted = (await bookMissionContribution(database, contribution('m1', { amountCents: 9_000 }), withHolds))!;
    const resolutions = await select(database, 'select outcome, transfer_id as "transferId" from ledger_hold_resolutions where hold_id = ?', hold.id);
    expect(resolutions).toEqual([{ outcome: 'posted', transferId: posted.id }]);
    const after = await balancesAsOf(database, '2100-01-01T00:00:00.000Z');
    expect(after.map((a) => [a.ref, a.balanceCents, a.pendingDebitCents, a.pendingCreditCents])).toEqual([
      ['budget_line:bgl_a', -9_000, 0, 0],
      ['envelope:school', 9_000, 0, 0],
    ]);
  });

  it('voids at cancellation, once, and books nothing', async () => {
    const database = await ledgerDatabase();
    const hold = (await holdMissionContribution(database, contribution('m1'), withHolds))!;
    expect(await reverseMissionContribution(database, cancelInput('m1'), withHolds)).toBeNull();
    await voidMissionHold(database, cancelInput('m1'));
    expect(await select(database, 'select outcome from ledger_hold_resolutions where hold_id = ?', hold.id)).toEqual([{ outcome: 'voided' }]);
    expect(await count(database, 'ledger_transfers')).toBe(0);
    expect((await balancesAsOf(database, '2100-01-01T00:00:00.000Z')).every((a) => a.pendingDebitCents === 0 && a.pendingCreditCents === 0)).toBe(true);
  });
});

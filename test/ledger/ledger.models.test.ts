import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, formatCentsFr, formatGramsAsKgFr, neutraliseCsvCell, sha256Hex } from '../../src/ledger/ledger-format.models.ts';
import {
  assertFunds,
  defaultLedgerPolicy,
  effectiveInstant,
  nextEntry,
  reversalDraft,
  runningBalances,
  statementTotals,
  type Account,
  type Transfer,
} from '../../src/ledger/ledger.models.ts';
import { exclusiveBound, period } from '../../src/ledger/ledger-dates.models.ts';

describe('amount formatting', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [1_050, '10,50'],
    [-1_234_567, '-12345,67'],
  ])('formats %i cents as %s', (cents, text) => expect(formatCentsFr(cents)).toBe(text));

  it('groups thousands with a no-break space (WinAnsi has it) when asked', () => {
    expect(formatCentsFr(123_456_789, { grouping: true })).toBe('1\u00a0234\u00a0567,89');
    expect(formatCentsFr(-100_000, { grouping: true })).toBe('-1\u00a0000,00');
  });

  it('formats grams as kilograms with three exact decimals', () => {
    expect(formatGramsAsKgFr(1_234)).toBe('1,234');
    expect(formatGramsAsKgFr(7)).toBe('0,007');
    expect(formatGramsAsKgFr(2_000_000)).toBe('2000,000');
  });
});

describe('CSV cell neutralisation', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+33 6 12', "'+33 6 12"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tcaché', "'\tcaché"],
    ['\rretour', "'\rretour"],
    ['Forêt = puits', 'Forêt = puits'],
    ['', ''],
  ])('%j → %j', (raw, safe) => expect(neutraliseCsvCell(raw)).toBe(safe));
});

describe('canonical JSON and content hash', () => {
  it('sorts keys at every level so the hash ignores construction order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}');
    expect(contentHash({ x: 1, y: 2 })).toBe(contentHash({ y: 2, x: 1 }));
    // Known vector: SHA-256 of "abc".
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('posting rules', () => {
  const envelope: Account = { id: 'acc_e', kind: 'envelope', name: 'Enveloppe', entityId: null, ref: 'envelope:school', allowNegative: false, createdAt: '' };

  it('moves a late booking forward to the latest entry of its accounts', () => {
    expect(effectiveInstant('2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.000Z', null)).toBe('2026-03-10T00:00:00.000Z');
    expect(effectiveInstant('2026-03-11T00:00:00.000Z', '2026-03-10T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('extends the chain: next sequence, previous balance + amount', () => {
    expect(nextEntry(null, -500)).toEqual({ accountSeq: 1, balanceAfterCents: -500 });
    expect(nextEntry({ accountSeq: 7, balanceAfterCents: 1_000 }, -250)).toEqual({ accountSeq: 8, balanceAfterCents: 750 });
  });

  it('checks funds against balance minus pending debits, unless negative is allowed', () => {
    // 1 000 posted − 300 reserved = 700 available.
    expect(() => assertFunds(envelope, 1_000, 300, 700, defaultLedgerPolicy)).not.toThrow();
    expect(() => assertFunds(envelope, 1_000, 300, 701, defaultLedgerPolicy)).toThrow(expect.objectContaining({ code: 'ledger.insufficient_funds', status: 409 }));
    expect(() => assertFunds(envelope, 0, 0, 1, { ...defaultLedgerPolicy, allowNegativeEnvelope: true })).not.toThrow();
    expect(() => assertFunds({ ...envelope, kind: 'budget_line', allowNegative: true }, 0, 0, 1, defaultLedgerPolicy)).not.toThrow();
  });

  it('builds a reversal that mirrors the original', () => {
    const original: Transfer = {
      id: 'txf_1', key: 'k', debitAccountId: 'acc_a', creditAccountId: 'acc_b', amountCents: 42, co2eGrams: 9, causeKind: 'disbursement', causeRef: 'prj_1',
      reversesTransferId: null, memo: null, actorId: null, effectiveAt: '', createdAt: '',
    };
    expect(reversalDraft(original, { key: 'r', at: 'T', actorId: 'usr', reason: 'erreur', causeKind: 'correction' })).toEqual({
      key: 'r', debitAccountId: 'acc_b', creditAccountId: 'acc_a', amountCents: 42, co2eGrams: 9, causeKind: 'correction', causeRef: 'prj_1',
      reversesTransferId: 'txf_1', memo: 'Annulation de txf_1 : erreur', actorId: 'usr', at: 'T',
    });
  });

  it('computes running balances and totals of a statement', () => {
    // 100 + 50 = 150; 150 − 30 = 120; 120 + 5 = 125
    expect(runningBalances(100, [50, -30, 5])).toEqual([150, 120, 125]);
    expect(statementTotals([50, -30, 5])).toEqual({ creditsCents: 55, debitsCents: 30, netCents: 25 });
  });
});

describe('dates and bounds (Paris calendar days)', () => {
  it('ends a day at Paris midnight, winter and summer', () => {
    expect(exclusiveBound('2026-01-31', 'asOf')).toBe('2026-01-31T23:00:00.000Z'); // UTC+1
    expect(exclusiveBound('2026-07-14', 'asOf')).toBe('2026-07-14T22:00:00.000Z'); // UTC+2
    expect(exclusiveBound('2026-03-29', 'asOf')).toBe('2026-03-29T22:00:00.000Z'); // DST starts that night
  });

  it('counts an instant itself (bound one millisecond after)', () => {
    expect(exclusiveBound('2026-05-01T12:00:00+02:00', 'asOf')).toBe('2026-05-01T10:00:00.001Z');
  });

  it('refuses a period that ends before it starts, naming the field', () => {
    expect(period('2026-01-01', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01', fromInclusive: '2025-12-31T23:00:00.000Z', toExclusive: '2026-01-01T23:00:00.000Z' });
    expect(() => period('2026-02-01', '2026-01-31')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'to' })] }));
    expect(() => period('2026-02-31', '2026-03-31')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'from' })] }));
  });
});

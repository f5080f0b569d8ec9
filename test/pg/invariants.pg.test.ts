import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { freshPgDatabase, pgUrl } from './database.ts';

// The ledger's guarantees hold on PostgreSQL by the database itself, as on SQLite
// (test/ledger/immutability.test.ts): whatever code writes, it cannot edit history or unbalance it.
describe.skipIf(!pgUrl)('PostgreSQL schema: migrations and ledger invariants', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let pool: pg.Pool;
  const at = '2026-11-28T10:00:00.000Z';
  const later = '2026-11-29T18:00:00.000Z';

  async function transfer(client: pg.PoolClient | pg.Pool, id: string, options: { amount?: number; debit?: string; credit?: string; reverses?: string | null; entries?: Array<[string, number, number, number]> } = {}) {
    const { amount = 500, debit = 'acc_line', credit = 'acc_env', reverses = null } = options;
    await client.query(
      `insert into ledger_transfers (id, key, debit_account_id, credit_account_id, amount_cents, co2e_grams, cause_kind, reverses_transfer_id, effective_at, created_at)
       values ($1, $1, $2, $3, $4, 0, 'correction', $5, $6, $6)`,
      [id, debit, credit, amount, reverses, at],
    );
    for (const [account, cents, seq, balance] of options.entries ?? []) {
      await client.query('insert into ledger_entries (transfer_id, account_id, amount_cents, account_seq, balance_after_cents, effective_at) values ($1, $2, $3, $4, $5, $6)', [id, account, cents, seq, balance, at]);
    }
  }

  async function inTransaction(run: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await run(client);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }

  const count = async (table: string) => Number((await pool.query(`select count(*) as n from ${table}`)).rows[0].n);

  beforeAll(async () => {
    db = await freshPgDatabase();
    pool = db.pool;
    for (const [id, kind, ref] of [['acc_line', 'budget_line', 'budget_line:bgl_1'], ['acc_env', 'envelope', 'envelope:school']]) {
      await pool.query("insert into ledger_accounts (id, kind, name, ref, allow_negative, created_at) values ($1, $2, $1, $3, true, $4)", [id, kind, ref, at]);
    }
    await inTransaction((c) => transfer(c, 'txf_1', { entries: [['acc_line', -500, 1, -500], ['acc_env', 500, 1, 500]] }));
  }, 60_000);

  afterAll(async () => db?.close());

  it('applies every migration and has the same tables as the SQLite schema', async () => {
    const tables = (await pool.query("select table_name from information_schema.tables where table_schema = 'public' order by 1")).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['ledger_transfers', 'ledger_entries', 'missions', 'claims', 'claim_receipt_files', 'historical_trips']));
    expect(await count('ledger_entries')).toBe(2);
  });

  it.each([
    'update ledger_transfers set memo = $$x$$',
    'delete from ledger_transfers',
    'update ledger_entries set balance_after_cents = 0',
    'delete from ledger_entries',
    'delete from ledger_accounts',
    "update ledger_accounts set ref = 'envelope:other'",
  ])('refuses: %s', async (statement) => {
    await expect(pool.query(statement)).rejects.toThrow(/append-only/);
    expect(await count('ledger_entries')).toBe(2);
  });

  it('lets an account be renamed, nothing else of it', async () => {
    await pool.query("update ledger_accounts set name = 'Enveloppe école' where id = 'acc_env'");
    expect((await pool.query("select name from ledger_accounts where id = 'acc_env'")).rows[0].name).toBe('Enveloppe école');
  });

  it('refuses at commit a transfer whose entries do not balance, or that has only one side', async () => {
    await expect(inTransaction((c) => transfer(c, 'txf_one_side', { entries: [['acc_line', -500, 2, -1000]] }))).rejects.toThrow(/not balanced/);
    await expect(inTransaction((c) => transfer(c, 'txf_none'))).rejects.toThrow(/not balanced/);
    expect(await count('ledger_transfers')).toBe(1);
  });

  it('refuses an entry that breaks its account chain or does not match its transfer', async () => {
    await expect(inTransaction((c) => transfer(c, 'txf_gap', { entries: [['acc_line', -500, 3, -1000], ['acc_env', 500, 2, 1000]] }))).rejects.toThrow(/chain/);
    await expect(inTransaction((c) => transfer(c, 'txf_wrong', { entries: [['acc_line', -400, 2, -900], ['acc_env', 400, 2, 900]] }))).rejects.toThrow(/does not match/);
    expect(await count('ledger_entries')).toBe(2);
  });

  it('accepts a reversal only when it mirrors the transfer it reverses, once', async () => {
    await expect(inTransaction((c) => transfer(c, 'txf_bad_rev', { reverses: 'txf_1', amount: 400, debit: 'acc_env', credit: 'acc_line' }))).rejects.toThrow(/mirror/);
    const mirror = { reverses: 'txf_1', debit: 'acc_env', credit: 'acc_line', entries: [['acc_env', -500, 2, 0], ['acc_line', 500, 2, 0]] as Array<[string, number, number, number]> };
    await inTransaction((c) => transfer(c, 'txf_rev', mirror));
    await expect(inTransaction((c) => transfer(c, 'txf_rev2', { ...mirror, entries: [['acc_env', -500, 3, -500], ['acc_line', 500, 3, 500]] }))).rejects.toThrow(/unique|duplicate/i);
    expect(await count('ledger_transfers')).toBe(2);
  });

  it('keeps the CHECK constraints of the SQLite schema', async () => {
    await expect(inTransaction((c) => transfer(c, 'txf_zero', { amount: 0 }))).rejects.toThrow(/ledger_transfers_amount_positive/);
    await expect(inTransaction((c) => transfer(c, 'txf_self', { debit: 'acc_env', credit: 'acc_env' }))).rejects.toThrow(/ledger_transfers_accounts_differ/);
  });

  it('keeps the audit trails append-only', async () => {
    await pool.query("insert into org_audit (id, at, actor_id, action, target_id, detail) values ('aud_1', $1, null, 'entity_created', 'ent_1', 'LGEI')", [at]);
    await expect(pool.query("update org_audit set detail = 'x'")).rejects.toThrow(/org_audit is append-only/);
    await expect(pool.query('delete from org_audit')).rejects.toThrow(/append-only/);
  });

  it('keeps a certified claim as certified: only its payment is added, once; its lines and receipts stay', async () => {
    await pool.query("insert into entities (id, name, kind, created_at) values ('ent_1', 'LGEI', 'lab', $1)", [at]);
    await pool.query("insert into users (id, email, name, created_at) values ('usr_1', 'a@b.fr', 'A', $1)", [at]);
    await pool.query(
      `insert into missions (id, traveller_id, entity_id, purpose, destination_country, depart_at, return_at, status, request_json, quote_json,
         factor_set_id, factor_set_version, co2e_grams, cost_cents, offset_cents, offset_co2e_grams, created_at, updated_at)
       values ('msn_1', 'usr_1', 'ent_1', 'conference', 'CA', $1, $2, 'validated', '{}', '{}', 'set', '1', 0, 0, 0, 0, $1, $1)`,
      [at, later],
    );
    await pool.query(
      `insert into claims (id, mission_id, traveller_id, status, request_json, quote_json, factor_set_id, factor_set_version, depart_at, return_at,
         co2e_grams, offset_cents, offset_co2e_grams, total_cents, created_at, updated_at)
       values ('clm_1', 'msn_1', 'usr_1', 'draft', '{}', '{}', 'set', '1', $1, $2, 0, 0, 0, 100, $1, $1)`,
      [at, later],
    );
    const expense = "insert into claim_expenses (claim_id, line_index, kind, amount_cents, spent_on, label) values ('clm_1', $1, 'taxi', 100, '2026-11-28', 'x')";
    await pool.query(expense, [0]);
    await pool.query("update claims set status = 'certified', certified_at = $1, certified_by = 'usr_2', adjustment_cents = 0 where id = 'clm_1'", [at]);
    await expect(pool.query('update claims set total_cents = 1')).rejects.toThrow(/certified claim is fixed/);
    await expect(pool.query(expense, [1])).rejects.toThrow(/certified claim is fixed/);
    await expect(pool.query('delete from claim_expenses')).rejects.toThrow(/certified claim is fixed/);
    await expect(pool.query('update claim_expenses set amount_cents = 1')).rejects.toThrow(/append-only/);
    await pool.query("update claims set status = 'paid', paid_at = $1, paid_by = 'usr_3', payment_reference = 'VIR-1' where id = 'clm_1'", [at]);
    await expect(pool.query("update claims set payment_reference = 'VIR-2'")).rejects.toThrow(/certified claim is fixed/);
    await expect(pool.query('delete from claims')).rejects.toThrow(/append-only/);
    expect((await pool.query("select status, total_cents from claims where id = 'clm_1'")).rows[0]).toEqual({ status: 'paid', total_cents: '100' });
  });
});

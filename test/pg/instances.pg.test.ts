import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/server-process.ts';
import type { Database } from '../../src/shared/db.ts';
import { openPgDatabase } from '../../src/shared/pg-database.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { expectLedgerSound } from '../helpers/ledger-auditor.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { count, select } from '../helpers/sql.ts';
import { montrealTrip, parisFlightTrip } from '../missions/fixtures.ts';
import { freshPgUrl, pgUrl } from './database.ts';

// Two server processes on one PostgreSQL database, as behind a load balancer: every racing pair of
// requests goes to both at once. What must hold whatever the interleaving: each contribution is
// booked once and reversed at most once, each mission ends in one state that agrees with the ledger,
// an import sent to both inserts each row once, and the auditor finds nothing.
const MISSIONS_PER_ROUND = 8;
const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/missions-import.csv'), 'utf8');

type Call = { status: number; body: Record<string, unknown> };

describe.skipIf(!pgUrl)('two instances on one PostgreSQL database', () => {
  let database: Database;
  let instances: ServerProcess[] = [];
  const tokens = { traveller: '', secretariat: '', admin: '' };
  let budgetLineId = '';

  beforeAll(async () => {
    const url = await freshPgUrl();
    database = await openPgDatabase(url, { maxConnections: 4 });
    const entity = await createEntity(database);
    budgetLineId = (await createBudgetLine(database, entity.id)).id;
    tokens.traveller = await bearerFor(database, await createUser(database, { roles: ['staff'], entityId: entity.id }));
    tokens.secretariat = await bearerFor(database, await createUser(database, { roles: ['staff', 'secretariat'] }));
    tokens.admin = await bearerFor(database, await createUser(database, { roles: ['admin'] }));
    instances = await Promise.all([0, 1].map(() => startServerProcess('./unused.sqlite', { EMPREINTE_DATABASE_URL: url, EMPREINTE_PG_POOL_SIZE: '4' })));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(instances.map((s) => s.kill('SIGTERM')));
    await database?.close();
  });

  async function call(instance: number, method: string, path: string, who: keyof typeof tokens, body?: unknown, contentType = 'application/json'): Promise<Call> {
    const res = await fetch(`${instances[instance]!.baseUrl}${path}`, {
      method,
      headers: { authorization: tokens[who], 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  // Created on one instance and submitted on the other: each sees the other's writes.
  async function submittedMissions(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const trip = i % 2 ? parisFlightTrip : montrealTrip;
      const created = await call(i % 2, 'POST', '/api/missions', 'traveller', { purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip });
      expect(created.status).toBe(201);
      expect((await call((i + 1) % 2, 'POST', `/api/missions/${String(created.body.id)}/submit`, 'traveller', {})).status).toBe(200);
      ids.push(String(created.body.id));
    }
    return ids;
  }

  const transfersOf = (missionId: string) =>
    select<{ key: string; amountCents: number }>(database, 'select key as "key", amount_cents as "amountCents" from ledger_transfers where cause_ref = ? order by key', missionId);
  const statusOf = async (missionId: string) => (await select<{ status: string }>(database, 'select status as "status" from missions where id = ?', missionId))[0]!.status;
  const statuses = (calls: Call[]) => calls.map((c) => c.status).sort((a, b) => a - b);

  it('racing validations and cancellations book every contribution exactly once', async () => {
    // Round 1: the same mission validated on both instances at once, for every mission together.
    const validated = await submittedMissions(MISSIONS_PER_ROUND);
    const doubleValidations = await Promise.all(validated.map((id) => Promise.all([0, 1].map((i) => call(i, 'POST', `/api/missions/${id}/validate`, 'secretariat', {})))));
    for (const pair of doubleValidations) expect(statuses(pair)).toEqual([200, 409]);
    for (const id of validated) expect((await transfersOf(id)).map((t) => t.key)).toEqual([`mission:${id}:contribution`]);

    // Round 2: validation on one instance against cancellation on the other, alternating which. One
    // wins; the other is refused (409) or, if it came after, acts on the winner's result (a validated
    // mission cancelled: booked, then reversed). The mission's state and its ledger agree.
    const contested = await submittedMissions(MISSIONS_PER_ROUND);
    const races = await Promise.all(contested.map(async (id, k) => {
      const [validation, cancellation] = await Promise.all([
        call(k % 2, 'POST', `/api/missions/${id}/validate`, 'secretariat', {}),
        call((k + 1) % 2, 'POST', `/api/missions/${id}/cancel`, 'secretariat', { comment: 'Déplacement annulé' }),
      ]);
      return { id, validation: validation.status, cancellation: cancellation.status };
    }));
    let stillBookedCents = 0;
    for (const { id, validation, cancellation } of races) {
      expect([validation, cancellation]).toContain(200);
      const transfers = await transfersOf(id);
      const keys = transfers.map((t) => t.key);
      const status = await statusOf(id);
      if (cancellation !== 200) {
        expect([status, validation, cancellation]).toEqual(['validated', 200, 409]);
        expect(keys).toEqual([`mission:${id}:contribution`]);
        stillBookedCents += transfers[0]!.amountCents;
      } else {
        expect(status).toBe('cancelled');
        expect(keys).toEqual(validation === 200 ? [`mission:${id}:contribution`, `mission:${id}:contribution:reversal`] : []);
      }
    }

    // Round 3: the missions of round 1 cancelled on both instances at once: one reversal each.
    const doubleCancels = await Promise.all(validated.map((id) => Promise.all([0, 1].map((i) => call(i, 'POST', `/api/missions/${id}/cancel`, 'secretariat', { comment: 'Congrès reporté' })))));
    for (const pair of doubleCancels) expect(statuses(pair)).toEqual([200, 409]);
    for (const id of validated) {
      const transfers = await transfersOf(id);
      expect(transfers.map((t) => t.key)).toEqual([`mission:${id}:contribution`, `mission:${id}:contribution:reversal`]);
      expect(transfers[0]!.amountCents).toBe(transfers[1]!.amountCents);
    }

    // The envelope holds exactly the contributions still booked, and the ledger is sound.
    const [envelope] = await select<{ cents: number }>(database,
      "select coalesce(sum(e.amount_cents), 0) as \"cents\" from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.ref = 'envelope:school'");
    expect(envelope!.cents).toBe(stillBookedCents);
    expect(await count(database, 'ledger_transfers', "cause_kind = 'mission_contribution'")).toBeGreaterThanOrEqual(MISSIONS_PER_ROUND);
    await expectLedgerSound(database);
  }, 120_000);

  it('one file imported on both instances at once inserts each row once', async () => {
    const rows = fixture.trim().split('\n').length - 1;
    const before = await count(database, 'historical_trips');
    const imports = await Promise.all([0, 1].map((i) => call(i, 'POST', '/api/reports/import?batch=2&fileName=both.csv', 'admin', fixture, 'text/csv')));
    for (const answer of imports) {
      expect(answer.status).toBe(200);
      expect(Number(answer.body.imported) + Number(answer.body.duplicates)).toBe(rows);
    }
    expect(imports.reduce((sum, a) => sum + Number(a.body.imported), 0)).toBe(rows);
    expect(await count(database, 'historical_trips')).toBe(before + rows);
    // Both runs recorded, each with what it inserted.
    const runs = await select<{ rowsImported: number }>(database, 'select rows_imported as "rowsImported" from import_runs where file_name = ? and status = ?', 'both.csv', 'done');
    expect(runs.map((r) => r.rowsImported).sort((a, b) => a - b)).toEqual(imports.map((a) => Number(a.body.imported)).sort((a, b) => a - b));
  }, 60_000);
});

import { databaseOn } from '../src/shared/db.ts';
// One load run against a running server, and the checks that must hold after it. Each autocannon
// connection loops over one traveller's day: price a trip (open quote API), create a mission, submit it
// (staff token), then a secretariat agent validates it (booking its contribution in the ledger).
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { auditLedger } from '../src/ledger/ledger.audit.ts';
import { loadTrip, missionBody, type LoadFixture } from './load-fixture.ts';

type Step = 'quote' | 'create' | 'submit' | 'validate';
export type LoadOutcome = {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  responses: Record<Step, Record<string, number>>; // status counts per step
  errors: number; // connection errors and timeouts
  missions: Map<string, MissionState>; // last state each mission reached, per the answers
  // Requests still in flight when the run stopped: the server may have acted on them, unseen.
  unanswered: { creates: number; transitions: Map<string, MissionState> };
};
type MissionState = 'draft' | 'submitted' | 'validated';

type Context = { cycle?: number; missionId?: string; pending?: Step };

// `seconds` for a benchmark; `amount` (requests in all, four per cycle) for a test, whose work must not
// depend on the machine's speed.
export async function runLoad(options: { baseUrl: string; fixture: LoadFixture; seconds: number; connections: number; amount?: number }): Promise<LoadOutcome> {
  const { fixture } = options;
  const missions: LoadOutcome['missions'] = new Map();
  const responses: LoadOutcome['responses'] = { quote: {}, create: {}, submit: {}, validate: {} };
  const count = (step: Step, status: number) => (responses[step][status] = (responses[step][status] ?? 0) + 1);
  // Each connection has at most one request in flight: remembered until its answer arrives.
  const pending = new Set<Context>();
  const sent = <R>(c: Context, step: Step, req: R): R => ((c.pending = step), pending.add(c), req);
  const answered = (c: Context) => pending.delete(c);
  let cycles = 0;
  const json = (token?: string) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
  const staffOf = (c: Context) => fixture.staff[c.cycle! % fixture.staff.length]!.token;
  const deskOf = (c: Context) => fixture.secretariat[c.cycle! % fixture.secretariat.length]!.token;
  const missionPath = (c: Context, action: string) => `/api/missions/${c.missionId ?? 'msn_not_created'}/${action}`;

  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    requests: [
      {
        method: 'POST',
        path: '/api/quote',
        // A fare of its own per cycle: each quote is computed, not served from the answer cache.
        setupRequest: (req, c: Context) => ((c.cycle = cycles++), sent(c, 'quote', { ...req, headers: json(), body: JSON.stringify(loadTrip(50_000 + c.cycle)) })),
        onResponse: (status, _body, c: Context) => (answered(c), count('quote', status)),
      },
      {
        method: 'POST',
        path: '/api/missions',
        setupRequest: (req, c: Context) => sent(c, 'create', { ...req, headers: json(staffOf(c)), body: JSON.stringify(missionBody(fixture.budgetLineIds[c.cycle! % fixture.budgetLineIds.length]!, 90_000 + c.cycle!)) }),
        onResponse: (status, body, c: Context) => {
          answered(c);
          count('create', status);
          c.missionId = status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
          if (c.missionId) missions.set(c.missionId, 'draft');
        },
      },
      {
        method: 'POST',
        setupRequest: (req, c: Context) => sent(c, 'submit', { ...req, path: missionPath(c, 'submit'), headers: json(staffOf(c)), body: '{}' }),
        onResponse: (status, _body, c: Context) => {
          answered(c);
          count('submit', status);
          if (status === 200 && c.missionId) missions.set(c.missionId, 'submitted');
        },
      },
      {
        method: 'POST',
        setupRequest: (req, c: Context) => sent(c, 'validate', { ...req, path: missionPath(c, 'validate'), headers: json(deskOf(c)), body: '{}' }),
        onResponse: (status, _body, c: Context) => {
          answered(c);
          count('validate', status);
          if (status === 200 && c.missionId) missions.set(c.missionId, 'validated');
        },
      },
    ],
  });
  return {
    seconds: options.seconds,
    requests: result['2xx'] + result.non2xx,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    responses,
    errors: result.errors + result.timeouts,
    missions,
    unanswered: {
      creates: [...pending].filter((c) => c.pending === 'create').length,
      transitions: new Map([...pending].filter((c) => c.missionId && (c.pending === 'submit' || c.pending === 'validate')).map((c) => [c.missionId!, c.pending === 'submit' ? 'submitted' : 'validated'])),
    },
  };
}

// What must hold after the run(s), read from the database file once the server has stopped. Returns
// every broken rule; an empty list is a pass. A request still in flight when autocannon stopped may
// have been carried out unseen: its mission may be one step further than its last answer, and an
// unseen creation leaves one draft nobody heard of — no more than that.
export async function verifyLoad(dbPath: string, outcomes: LoadOutcome[]): Promise<string[]> {
  const problems: string[] = [];
  const missions = new Map<string, MissionState>();
  const ahead = new Map<string, MissionState>();
  let unseenCreates = 0;
  for (const outcome of outcomes) {
    for (const [step, statuses] of Object.entries(outcome.responses)) {
      for (const [status, n] of Object.entries(statuses)) if (!status.startsWith('2')) problems.push(`${step}: ${n} answer(s) with status ${status}`);
    }
    if (outcome.errors > 0) problems.push(`${outcome.errors} connection error(s) or timeout(s)`);
    outcome.missions.forEach((state, id) => missions.set(id, state));
    outcome.unanswered.transitions.forEach((state, id) => ahead.set(id, state));
    unseenCreates += outcome.unanswered.creates;
  }
  const sqlite = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
    const stored = new Map((sqlite.prepare('select id, status from missions').all() as Array<{ id: string; status: string }>).map((r) => [r.id, r.status]));
    const contributions = new Map(
      (sqlite.prepare("select cause_ref as id, count(*) as n from ledger_transfers where cause_kind = 'mission_contribution' group by cause_ref").all() as Array<{ id: string; n: number }>).map((r) => [r.id, r.n]),
    );
    for (const [id, state] of missions) {
      const actual = stored.get(id);
      if (actual === undefined) problems.push(`${id}: created (201) but not stored`);
      else if (actual !== state && actual !== ahead.get(id)) problems.push(`${id}: answered ${state} but stored ${actual}`);
      const expected = actual === 'validated' ? 1 : 0;
      if ((contributions.get(id) ?? 0) !== expected) problems.push(`${id}: stored ${actual} with ${contributions.get(id) ?? 0} contribution(s), expected ${expected}`);
    }
    const phantoms = [...stored].filter(([id]) => !missions.has(id));
    if (phantoms.length > unseenCreates || phantoms.some(([id, status]) => status !== 'draft' || contributions.has(id))) {
      problems.push(`${phantoms.length} mission(s) stored but never answered 201 (${unseenCreates} creation(s) were in flight at the end): ${phantoms.slice(0, 5).map(([id, s]) => `${id} ${s}`).join(', ')}`);
    }
    const audit = await auditLedger(databaseOn(sqlite));
    problems.push(...audit.problems.map((p) => `ledger ${p.check}: ${p.message}`));
  } finally {
    sqlite.close();
  }
  return problems;
}

export function summarise(outcome: LoadOutcome): string {
  const states = [...outcome.missions.values()];
  const n = (s: string) => states.filter((x) => x === s).length;
  return [
    `${outcome.requests} requests in ${outcome.seconds} s: ${Math.round(outcome.requestsPerSecond)} req/s, latency p50 ${outcome.latencyMs.p50} ms, p99 ${outcome.latencyMs.p99} ms, max ${outcome.latencyMs.max} ms`,
    `missions created ${outcome.missions.size} (validated ${n('validated')}, submitted ${n('submitted')}, draft ${n('draft')})`,
    `answers: ${JSON.stringify(outcome.responses)}`,
  ].join('\n');
}

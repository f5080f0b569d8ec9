import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import { refreshEvery } from '../shared/refresh-timer.ts';
import type { Database } from '../shared/db.ts';
import { invariant } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { findUserById } from '../auth/users.repository.ts';
import { switchesFrom, switchStates, type PolicySwitches, type SwitchState } from './policies.models.ts';
import * as repo from './policies.repository.ts';
import type { SetPolicySwitchInput } from './policies.schemas.ts';

export type PolicyDeps = { database: Database; clock: Clock; defaults: PolicySwitches };

// Until an admin sets a switch in the application, the deployment's variable applies.
export const policyDefaults = (config: Config): PolicySwitches => ({
  domesticFlightsJustified: config.EMPREINTE_POLICY_DOMESTIC_FLIGHTS_JUSTIFIED,
  recruitmentAbroadJustified: config.EMPREINTE_POLICY_RECRUITMENT_ABROAD_JUSTIFIED,
});

// What the quote and the mission read on every request, synchronously, as for carbon prices. On
// SQLite the stamp (largest rowid) is asked each time and the rows read again when it moved, so a
// switch set by another process (the CLI) applies at once. On PostgreSQL the switches live in memory:
// loaded before the server listens, refreshed after a change made here and every few seconds for
// the changes other instances make.
export type PolicyBook = {
  current(): PolicySwitches;
  stamp(): number;
  refresh(): Promise<void>;
  refreshEvery(ms: number): () => void;
};

const books = new WeakMap<Database, PolicyBook>();

export function policyBook(database: Database, defaults: PolicySwitches): PolicyBook {
  let book = books.get(database);
  if (!book) books.set(database, (book = database.engine === 'sqlite' ? sqliteBook(database, defaults) : memoryBook(database, defaults)));
  return book;
}

function sqliteBook(database: Database, defaults: PolicySwitches): PolicyBook {
  let seen = -1;
  let switches = defaults;
  const current = () => {
    const stamp = repo.sqliteSwitchStamp(database.db);
    if (stamp !== seen) {
      switches = switchesFrom(repo.sqliteSwitchRows(database.db), defaults);
      seen = stamp;
    }
    return switches;
  };
  // The stamp is the one the rows were read at: a cache key never names rows it was not built from.
  const stamp = () => {
    current();
    return seen;
  };
  return { current, stamp, refresh: async () => void current(), refreshEvery: () => () => {} };
}

function memoryBook(database: Database, defaults: PolicySwitches): PolicyBook {
  let switches = defaults;
  let stamp = -1;
  const refresh = async () => {
    const rows = await repo.switchRows(database.db);
    switches = switchesFrom(rows, defaults);
    // Append-only: the number of rows only grows, and changes exactly when a switch is set.
    stamp = rows.length;
  };
  return {
    current() {
      invariant(stamp >= 0, 'policy switches read before they were loaded (policyBook.refresh)');
      return switches;
    },
    stamp: () => stamp,
    refresh,
    refreshEvery: (ms) => refreshEvery(refresh, ms),
  };
}

export type PolicyOverview = {
  switches: SwitchState[];
  defaults: PolicySwitches;
  history: Array<repo.PolicySwitchRow & { setByName: string | null }>;
};

// Each switch as it stands (and whether an admin set it or the deployment's default applies), then
// every change ever made, newest first, with the name of who made it.
export async function policyOverview(deps: PolicyDeps): Promise<PolicyOverview> {
  const db = deps.database.db;
  const rows = await repo.switchRows(db);
  const names = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.setBy).filter((id): id is string => id !== null))) names.set(id, (await findUserById(db, id))?.name ?? null);
  return {
    switches: switchStates(rows, deps.defaults),
    defaults: deps.defaults,
    history: rows.reverse().map((row) => ({ ...row, setByName: row.setBy ? (names.get(row.setBy) ?? null) : null })),
  };
}

// Appends a row; the quotes and submissions that follow use it (on every instance within seconds).
export async function setPolicySwitch(deps: PolicyDeps, input: SetPolicySwitchInput, actorId: string | null): Promise<repo.PolicySwitchRow> {
  const row: repo.PolicySwitchRow = { id: newId('pol'), key: input.key, enabled: input.enabled, note: input.note || null, setBy: actorId, setAt: deps.clock.now().toUTC().toISO()! };
  await repo.insertSwitch(deps.database.db, row);
  await policyBook(deps.database, deps.defaults).refresh();
  return row;
}

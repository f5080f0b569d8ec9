import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openMigratedDatabase, projectRoot } from '../../src/shared/db.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { testConfig } from '../../src/config.ts';
import { buildDeps } from '../../src/deps.ts';
import { parseOrThrow } from '../../src/shared/validation.ts';
import { createMissionSchema } from '../../src/missions/missions.schemas.ts';
import { createMission } from '../../src/missions/missions.usecases.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../../src/missions/missions.wiring.ts';
import { montrealTrip, seedOrg, seedUser } from './fixtures.ts';

const run = promisify(execFile);

describe('validation racing across processes', () => {
  it('four processes validate the same mission: one wins, the others get 409, one contribution', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empreinte-race-'));
    try {
      const dbPath = join(dir, 'race.sqlite');
      const database = openMigratedDatabase(dbPath);
      const deps = missionDeps(buildDeps({ config: testConfig(), database, clock: fixedClock('2026-11-27T10:00:00Z') }));
      const org = await seedOrg(deps);
      const traveller = await seedUser(deps, ['staff'], org.entityId);
      const desk = await seedUser(deps, ['secretariat'], null);
      const input = parseOrThrow(createMissionSchema, { purpose: 'conference', budgetLineId: org.budgetLineId, trip: montrealTrip });
      const id = (await createMission(deps, traveller, input)).id;
      await transitionMission(deps, traveller, id, 'submit', {});
      database.sqlite.close();

      const worker = join(projectRoot, 'test/missions/validate-worker.ts');
      const outcomes = await Promise.all(
        Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', worker, dbPath, id, desk.id], { cwd: projectRoot }).then((r) => r.stdout.trim())),
      );
      expect(outcomes.sort()).toEqual(['mission.invalid_transition', 'mission.invalid_transition', 'mission.invalid_transition', 'validated']);

      const check = openMigratedDatabase(dbPath);
      const transfers = check.sqlite.prepare('select count(*) as n from ledger_transfers where cause_ref = ?').get(id) as { n: number };
      const audit = check.sqlite.prepare("select count(*) as n from mission_audit where mission_id = ? and action = 'validate'").get(id) as { n: number };
      check.sqlite.close();
      expect(transfers.n).toBe(1);
      expect(audit.n).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

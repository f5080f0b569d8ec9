// `npm run bench:load [seconds] [connections]`: the real server (src/server.ts) on 127.0.0.1 with a
// temporary database file and the quote rate limit off, loaded by autocannon with quotes, mission
// creations, submissions and validations from many users at once; then the checks of verifyLoad
// (no error answer, no lost or duplicated mission, one contribution per validation, ledger invariants).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLoadDatabase } from './load-fixture.ts';
import { runLoad, summarise, verifyLoad } from './load-run.ts';
import { startServerProcess } from './server-process.ts';

export async function benchLoad(seconds: number, connections: number): Promise<{ summary: string; problems: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'empreinte-load-'));
  try {
    const dbPath = join(dir, 'load.sqlite');
    const fixture = await seedLoadDatabase(dbPath, { staff: Math.max(connections, 20), secretariat: 5 });
    const server = await startServerProcess(dbPath, { LOG_LEVEL: 'warn' });
    let warmUp, outcome;
    try {
      warmUp = await runLoad({ baseUrl: server.baseUrl, fixture: { ...fixture, staff: fixture.staff.slice(0, 1), secretariat: fixture.secretariat.slice(0, 1) }, seconds: 1, connections: 2 }); // warm-up
      outcome = await runLoad({ baseUrl: server.baseUrl, fixture, seconds, connections });
    } finally {
      const exit = await server.kill('SIGTERM');
      if (exit.code !== 0) throw new Error(`server stopped with ${JSON.stringify(exit)}:\n${server.output()}`);
    }
    return { summary: summarise(outcome), problems: await verifyLoad(dbPath, [warmUp, outcome]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [seconds = 15, connections = 20] = process.argv.slice(2).map(Number);
  console.log(`Empreinte load: ${connections} connections for ${seconds} s (quote → create → submit → validate)`);
  const { summary, problems } = await benchLoad(seconds, connections);
  console.log(summary);
  console.log(problems.length ? `FAILED checks:\n  ${problems.slice(0, 50).join('\n  ')}` : 'checks: no error answer, no lost or duplicated mission, one contribution per validation, ledger invariants hold');
  if (problems.length) process.exitCode = 1;
}

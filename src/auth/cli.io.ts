import { loadConfig } from '../config.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { openConfiguredDatabase } from '../shared/open-database.ts';
import { errorLine, isAppError } from '../shared/errors.ts';
import { localeLang } from '../shared/i18n/index.ts';

// What a sub-command touches, injected so that tests run it in-process on an in-memory database.
export type CliIo = {
  database: Database;
  clock: Clock;
  out: (line: string) => void;
  err: (line: string) => void;
  readStdin: () => Promise<string>;
  // A terminal would echo a password typed there and wait for Ctrl-D: commands reading one refuse it.
  stdinIsTTY?: boolean;
};

export class UsageError extends Error {}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

// Exit codes: 0 done, 1 refused (unknown entity, duplicate email…), 2 bad usage.
export async function runCli(run: (io: CliIo) => Promise<number>, io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(`error: ${errorLine(e, localeLang())}`);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// The real process: the configured database with migrations applied, the console, the system clock.
export async function withProcessIo(run: (io: CliIo) => Promise<number>): Promise<number> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await runCli(run, {
      database,
      clock: systemClock,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      readStdin: readAllStdin,
      stdinIsTTY: process.stdin.isTTY === true,
    });
  } finally {
    await database.close();
  }
}

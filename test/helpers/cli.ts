import type { CliIo } from '../../src/auth/cli.io.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryDatabase } from './db.ts';

// A command's input and output in memory: a fresh database, a fixed clock, the lines it printed.
export function memoryCliIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    database: memoryDatabase(),
    clock: fixedClock('2026-11-27T10:00:00Z'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: async () => stdin,
  };
  return { io, out, err };
}

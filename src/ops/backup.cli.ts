import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig, type Config } from '../config.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import { localeLang } from '../shared/i18n/index.ts';
import { backupDatabase, restoreDatabase } from './backup.usecases.ts';

// `empreinte backup FILE` and `empreinte restore FILE`, on the database named by EMPREINTE_DB.
// Exit 0: done; 1: refused (a server is running, the backup fails a check, the file exists); 2: usage.

type Io = { config: Config; out: (line: string) => void; err: (line: string) => void; now: () => DateTime };

const backupUsage = 'Usage: empreinte backup FILE   (online: the server may keep running)';
const restoreUsage = 'Usage: empreinte restore FILE  (stop the server first; the replaced file is kept as <db>.before-restore-<time>)';

const policyOf = (config: Config) => ({ allowNegativeEnvelope: config.EMPREINTE_ENVELOPE_ALLOW_NEGATIVE });
const summary = (counts: Record<string, number>) =>
  ['missions', 'ledger_transfers', 'users', 'import_runs'].filter((t) => t in counts).map((t) => `${t} ${counts[t]}`).join(', ');

// One positional FILE; bad usage exits 2, a refusal (AppError) exits 1, anything else is a bug and throws.
async function withFile(args: string[], usage: string, io: Io, run: (file: string) => Promise<void>): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args, allowPositionals: true, options: {} }).positionals;
  } catch (err) {
    io.err(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.err(usage);
    return 2;
  }
  try {
    await run(positionals[0]!);
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.err(errorMessage(err, localeLang()));
    return 1;
  }
}

// Backup and restore copy the SQLite file. On PostgreSQL the database administrator's own tools do
// it (pg_dump / pg_restore, base backups and replicas): said, and refused with exit 2.
function refusedOnPostgres(io: Io, command: 'backup' | 'restore'): number | null {
  if (!io.config.EMPREINTE_DATABASE_URL) return null;
  io.err(
    command === 'backup'
      ? 'empreinte backup copie le fichier SQLite ; sur PostgreSQL, sauvegardez avec pg_dump (par exemple : pg_dump --format=custom --file=empreinte.dump "$EMPREINTE_DATABASE_URL").'
      : 'empreinte restore remplace le fichier SQLite ; sur PostgreSQL, restaurez avec pg_restore (par exemple : pg_restore --clean --if-exists --dbname="$EMPREINTE_DATABASE_URL" empreinte.dump), serveurs arrêtés, puis vérifiez avec empreinte check.',
  );
  return 2;
}

export async function backup(args: string[], io: Io): Promise<number> {
  const refused = refusedOnPostgres(io, 'backup');
  if (refused !== null) return refused;
  return withFile(args, backupUsage, io, async (file) => {
    const result = await backupDatabase(io.config.EMPREINTE_DB, file, policyOf(io.config));
    io.out(`Sauvegarde écrite : ${result.file} (${result.bytes} octets ; intégrité et grand livre vérifiés ; ${summary(result.tableCounts)})`);
  });
}

export async function restore(args: string[], io: Io): Promise<number> {
  const refused = refusedOnPostgres(io, 'restore');
  if (refused !== null) return refused;
  return withFile(args, restoreUsage, io, async (file) => {
    const stamp = io.now().toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
    const result = await restoreDatabase(file, io.config.EMPREINTE_DB, policyOf(io.config), stamp);
    io.out(`Base restaurée : ${result.target} (${summary(result.tableCounts)})`);
    if (result.previous) io.out(`Ancienne base conservée : ${result.previous}`);
  });
}
const processIo = (): Io => ({ config: loadConfig(), out: (l) => console.log(l), err: (l) => console.error(l), now: () => DateTime.utc() });

export const backupCommand = (args: string[]) => backup(args, processIo());
export const restoreCommand = (args: string[]) => restore(args, processIo());

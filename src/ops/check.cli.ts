import { loadConfig, type Config } from '../config.ts';
import { databaseLabel, openConfiguredDatabase } from '../shared/open-database.ts';
import { inspectServiceDatabase } from './database-check.ts';

// `empreinte check`: the checks a backup must pass (src/ops/database-check.ts), on the service's own
// database, SQLite file or PostgreSQL: after a pg_restore, an upgrade or a DBA's work on the tables.
// Exit 0: sound; 1: problems found (listed); 2: usage.

type Io = { config: Config; out: (line: string) => void; err: (line: string) => void };

const usage = 'Usage: empreinte check   (the database of EMPREINTE_DATABASE_URL, or of EMPREINTE_DB)';
const summary = (counts: Record<string, number>) =>
  ['missions', 'ledger_transfers', 'claims', 'users', 'historical_trips'].filter((t) => t in counts).map((t) => `${t} ${counts[t]}`).join(', ');

export async function check(args: string[], io: Io): Promise<number> {
  if (args.length > 0) {
    io.err(usage);
    return 2;
  }
  const database = await openConfiguredDatabase(io.config);
  try {
    const report = await inspectServiceDatabase(database, { allowNegativeEnvelope: io.config.EMPREINTE_ENVELOPE_ALLOW_NEGATIVE });
    if (report.ok) {
      io.out(`Base vérifiée : ${databaseLabel(io.config)} (schéma à jour, garde-fous en place, grand livre équilibré ; ${summary(report.tableCounts)})`);
      return 0;
    }
    io.err(`Problèmes trouvés dans ${databaseLabel(io.config)} :`);
    for (const problem of report.problems) io.err(`  - ${problem}`);
    return 1;
  } finally {
    await database.close();
  }
}

export const checkCommand = (args: string[]) => check(args, { config: loadConfig(), out: (l) => console.log(l), err: (l) => console.error(l) });

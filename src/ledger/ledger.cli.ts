import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { openConfiguredDatabase } from '../shared/open-database.ts';
import { ensureSchoolEnvelope } from './ledger.usecases.ts';
import { errorLine, isAppError } from '../shared/errors.ts';
import { localeLang } from '../shared/i18n/index.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { exclusiveBound } from './ledger-dates.models.ts';
import { balancesAsOf } from './finance.usecases.ts';
import { accountStatement } from './statement.usecases.ts';
import { balancesCsv, statementCsv } from './ledger-csv.export.ts';
import { statementPdf } from './ledger-pdf.export.ts';
import { balancesQuery, statementQuery } from './ledger.schemas.ts';

// `empreinte export statement` and `empreinte export balances`: the same usecases and exports as the
// API, for finance's scripts. Output goes to --out, or to stdout; the content hash goes to stderr.

export type CliIo = { database: Database; clock: Clock; stdout: (data: string | Buffer) => void; stderr: (line: string) => void };

const statementUsage = 'Usage: empreinte export statement [--account <id|ref>] --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|pdf|json] [--out FILE]';
const balancesUsage = 'Usage: empreinte export balances [--as-of YYYY-MM-DD|ISO instant] [--format csv|json] [--out FILE]';

export function emit(io: CliIo, out: string | undefined, content: string | Buffer): void {
  if (out) writeFileSync(out, content);
  else io.stdout(content);
}

// Bad options and expected failures print a message and exit 2; anything else is a bug and throws.
export async function guarded(io: CliIo, usage: string, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      io.stderr(errorLine(err, localeLang()));
    } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(err as Error).message}\n${usage}`);
    } else throw err;
    return 2;
  }
}

export function exportStatement(args: string[], io: CliIo): Promise<number> {
  return guarded(io, statementUsage, async () => {
    const { values } = parseArgs({ args, options: { account: { type: 'string', default: 'envelope:school' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' } } });
    const q = parseOrThrow(statementQuery, { account: values.account, from: values.from, to: values.to, format: values.format }, 'options');
    const statement = await accountStatement(io.database, q);
    const content = q.format === 'pdf' ? await statementPdf(statement, io.clock.now()) : q.format === 'csv' ? statementCsv(statement) : `${JSON.stringify(statement, null, 2)}\n`;
    emit(io, values.out, content);
    io.stderr(`SHA-256 du contenu : ${statement.contentSha256}`);
  });
}

export function exportBalances(args: string[], io: CliIo): Promise<number> {
  return guarded(io, balancesUsage, async () => {
    const { values } = parseArgs({ args, options: { 'as-of': { type: 'string' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' } } });
    const q = parseOrThrow(balancesQuery, { asOf: values['as-of'], format: values.format }, 'options');
    const asOf = q.asOf ?? io.clock.now().toUTC().toISO()!;
    const accounts = await balancesAsOf(io.database, exclusiveBound(asOf, 'as-of'));
    emit(io, values.out, q.format === 'csv' ? balancesCsv(accounts, asOf) : `${JSON.stringify({ asOf, accounts }, null, 2)}\n`);
  });
}

// The registered commands open the configured database (migrations applied) and close it after.
export function withDatabase(run: (args: string[], io: CliIo) => Promise<number>, config: () => Config = loadConfig) {
  return async (args: string[]): Promise<number> => {
    const database = await openConfiguredDatabase(config());
    await ensureSchoolEnvelope(database, systemClock.now().toUTC().toISO()!);
    try {
      return await run(args, { database, clock: systemClock, stdout: (d) => process.stdout.write(d), stderr: (l) => process.stderr.write(`${l}\n`) });
    } finally {
      await database.close();
    }
  };
}

export const exportStatementCommand = withDatabase(exportStatement);
export const exportBalancesCommand = withDatabase(exportBalances);

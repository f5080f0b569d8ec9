// The `empreinte` command. Each sub-command lives with its capability; this file only dispatches.
import './messages.ts';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

function usage(): string {
  const width = Math.max(12, ...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}`);
  return ['Usage: empreinte <command> [options]', '', 'Commands:', ...lines].join('\n');
}

registerCommand('quote', 'Price a trip and measure its footprint (--help for options)', async () => (await import('./quote/quote.cli.ts')).quoteCommand);

registerCommand('entity', 'Add or list entities (labs, departments, services)', async () => (await import('./org/org.cli.ts')).entityCommand);
registerCommand('budget-line', 'Add, list, close or reopen the budget lines of an entity', async () => (await import('./org/org.cli.ts')).budgetLineCommand);
registerCommand('user', 'Add, list, disable or enable users, set their password, change their roles, issue API tokens', async () => (await import('./auth/auth.cli.ts')).userCommand);

registerCommand('export statement', 'Statement of a ledger account for a period, as CSV, PDF or JSON', async () => (await import('./ledger/ledger.cli.ts')).exportStatementCommand);
registerCommand('export balances', 'Balances of every ledger account as of a date, as CSV or JSON', async () => (await import('./ledger/ledger.cli.ts')).exportBalancesCommand);
registerCommand('export payments', 'Expense claims to pay (certified) or paid over a period, per budget line, as CSV, PDF or JSON', async () => (await import('./claims/payments.cli.ts')).exportPaymentsCommand);
registerCommand('import missions', 'Import past missions from a CSV (our layout, GES 1point5, or --map)', async () => (await import('./reports/import.cli.ts')).importMissionsCommand);
registerCommand('backup', 'Online, consistent copy of the database to FILE (the server may keep running)', async () => (await import('./ops/backup.cli.ts')).backupCommand);
registerCommand('check', 'Check the database (schema, guards, ledger invariants) on either engine', async () => (await import('./ops/check.cli.ts')).checkCommand);
registerCommand('restore', 'Check a backup FILE and swap it in for the database (refused while a server runs)', async () => (await import('./ops/backup.cli.ts')).restoreCommand);

export async function main(argv: string[]): Promise<number> {
  // A name may have two words (`export statement`), so capabilities can share a verb; longest first.
  const name = [argv.slice(0, 2).join(' '), argv[0]].find((n) => n !== undefined && Object.hasOwn(commands, n));
  const command = name ? commands[name] : undefined;
  if (!name || !command) {
    console.log(usage());
    const asked = argv[0];
    return asked && asked !== '--help' && asked !== 'help' ? 2 : 0;
  }
  return (await command.load())(argv.slice(name.split(' ').length));
}

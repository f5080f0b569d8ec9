// The `empreinte` command. Each sub-command lives with its capability; this file only dispatches.
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['Usage: empreinte <command> [options]', '', 'Commands:', ...lines].join('\n');
}

registerCommand('quote', 'Price a trip and measure its footprint (--help for options)', async () => (await import('./quote/quote.cli.ts')).quoteCommand);

registerCommand('entity', 'Add or list entities (labs, departments, services)', async () => (await import('./org/org.cli.ts')).entityCommand);
registerCommand('budget-line', 'Add or list the budget lines of an entity', async () => (await import('./org/org.cli.ts')).budgetLineCommand);
registerCommand('user', 'Add users, change their roles, issue API tokens', async () => (await import('./auth/auth.cli.ts')).userCommand);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(usage());
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  return (await command.load())(rest);
}

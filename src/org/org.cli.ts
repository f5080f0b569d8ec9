import { parseArgs } from 'node:util';
import { UsageError, withProcessIo, type CliIo } from '../auth/cli.io.ts';
import { entityKinds, type EntityKind } from './org.models.ts';
import { createBudgetLine, createEntity, listBudgetLines, listEntities, resolveBudgetLine, resolveEntity, setBudgetLineActive } from './org.usecases.ts';

export const entityUsage = `Usage:
  empreinte entity add --name NAME --kind ${entityKinds.join('|')}   (prints the new id)
  empreinte entity list`;

export const budgetLineUsage = `Usage:
  empreinte budget-line add --entity ID|NAME --code CODE --label LABEL   (prints the new id)
  empreinte budget-line list [--entity ID|NAME]
  empreinte budget-line close|reopen --id ID|CODE [--entity ID|NAME]
Changes are written to the organisation log with no person (command line).`;

function usage(io: CliIo, text: string, sub: string | undefined): number {
  const asked = sub === undefined || sub === '--help';
  (asked ? io.out : io.err)(text);
  return asked ? 0 : 2;
}

export async function runEntityCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    for (const e of await listEntities(io)) io.out(`${e.id}\t${e.kind}\t${e.name}`);
    return 0;
  }
  if (sub !== 'add') return usage(io, entityUsage, sub);
  const { values } = parseArgs({ args: rest, strict: true, options: { name: { type: 'string' }, kind: { type: 'string' } } });
  if (!values.name || !values.kind) throw new UsageError('--name and --kind are required');
  if (!(entityKinds as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${entityKinds.join(', ')}`);
  io.out((await createEntity(io, { name: values.name.trim(), kind: values.kind as EntityKind }, null)).id);
  return 0;
}

export async function runBudgetLineCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, strict: true, options: { entity: { type: 'string' } } });
    const entityId = values.entity ? (await resolveEntity(io, values.entity)).id : undefined;
    for (const l of await listBudgetLines(io, entityId)) io.out(`${l.id}\t${l.entityId}\t${l.code}\t${l.active ? 'active' : 'closed'}\t${l.label}`);
    return 0;
  }
  if (sub === 'close' || sub === 'reopen') return changeBudgetLine(rest, io, sub === 'reopen');
  if (sub !== 'add') return usage(io, budgetLineUsage, sub);
  const { values } = parseArgs({ args: rest, strict: true, options: { entity: { type: 'string' }, code: { type: 'string' }, label: { type: 'string' } } });
  if (!values.entity || !values.code || !values.label) throw new UsageError('--entity, --code and --label are required');
  const entity = await resolveEntity(io, values.entity);
  io.out((await createBudgetLine(io, { entityId: entity.id, code: values.code.trim(), label: values.label.trim(), active: true }, null)).id);
  return 0;
}

// Closing stops new missions on the line (missions already on it keep it); the CLI has nobody signed in,
// so the organisation log records no actor, and the message says so.
async function changeBudgetLine(args: string[], io: CliIo, active: boolean): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { id: { type: 'string' }, entity: { type: 'string' } } });
  if (!values.id) throw new UsageError('--id is required (the line id, or its code)');
  const entityId = values.entity ? (await resolveEntity(io, values.entity)).id : undefined;
  const line = await resolveBudgetLine(io, values.id.trim(), entityId);
  const { changed } = await setBudgetLineActive(io, line.id, active, null);
  const state = active ? 'open' : 'closed';
  io.out(changed ? `${line.id}\t${line.code}\t${state} (logged as command line, no person)` : `${line.id}\t${line.code}\talready ${state}, nothing changed`);
  return 0;
}

export const entityCommand = (args: string[]) => withProcessIo((io) => runEntityCommand(args, io));
export const budgetLineCommand = (args: string[]) => withProcessIo((io) => runBudgetLineCommand(args, io));

import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/auth/cli.io.ts';
import { runBudgetLineCommand } from '../../src/org/org.cli.ts';
import { listRecentOrgAudit } from '../../src/org/org-audit.repository.ts';
import { findBudgetLineById } from '../../src/org/org.repository.ts';
import { createBudgetLine, createEntity } from '../../src/org/org.usecases.ts';
import { memoryCliIo } from '../helpers/cli.ts';

async function setup() {
  const { io, out, err } = memoryCliIo();
  const lab = await createEntity(io, { name: 'LGEI', kind: 'lab' }, null);
  const dri = await createEntity(io, { name: 'DRI', kind: 'service' }, null);
  const anr = await createBudgetLine(io, { entityId: lab.id, code: 'ANR-22', label: 'Projet ANR', active: true }, null);
  const fctLab = await createBudgetLine(io, { entityId: lab.id, code: 'FCT', label: 'Fonctionnement', active: true }, null);
  const fctDri = await createBudgetLine(io, { entityId: dri.id, code: 'FCT', label: 'Fonctionnement DRI', active: true }, null);
  const run = (...args: string[]) => runCli((cli) => runBudgetLineCommand(args, cli), io);
  const active = async (id: string) => (await findBudgetLineById(io.database.db, id))?.active;
  return { io, out, err, run, active, anr, fctLab, fctDri };
}

describe('empreinte budget-line close|reopen', () => {
  it('closes and reopens a line by id, says when nothing changed, and logs the change with no actor', async () => {
    const { io, out, run, active, anr } = await setup();
    expect(await run('close', '--id', anr.id)).toBe(0);
    expect(out.at(-1)).toBe(`${anr.id}\tANR-22\tclosed (logged as command line, no person)`);
    expect(await active(anr.id)).toBe(false);
    expect(await run('close', '--id', anr.id)).toBe(0);
    expect(out.at(-1)).toBe(`${anr.id}\tANR-22\talready closed, nothing changed`);
    expect(await run('reopen', '--id', anr.id)).toBe(0);
    expect(out.at(-1)).toBe(`${anr.id}\tANR-22\topen (logged as command line, no person)`);
    expect(await active(anr.id)).toBe(true);
    const [reopened, closed] = await listRecentOrgAudit(io.database.db, 2);
    expect([reopened, closed].map((r) => [r!.actorId, r!.action, r!.targetId])).toEqual([
      [null, 'budget_line_reopened', anr.id],
      [null, 'budget_line_closed', anr.id],
    ]);
    // Two changes, not three: the repeated close wrote nothing (5 creations from the setup + 2).
    expect(await listRecentOrgAudit(io.database.db, 50)).toHaveLength(7);
  });

  it('accepts a code when one entity has it, and asks for --entity when several do', async () => {
    const { err, run, active, anr, fctLab, fctDri } = await setup();
    expect(await run('close', '--id', 'ANR-22')).toBe(0);
    expect(await active(anr.id)).toBe(false);
    expect(await run('close', '--id', 'FCT')).toBe(1);
    expect(err.at(-1)).toMatch(/^error: Plusieurs entités ont une ligne FCT/);
    expect([await active(fctLab.id), await active(fctDri.id)]).toEqual([true, true]);
    expect(await run('close', '--id', 'FCT', '--entity', 'DRI')).toBe(0);
    expect([await active(fctLab.id), await active(fctDri.id)]).toEqual([true, false]);
    // An id given with the wrong entity is not that entity's line.
    expect(await run('reopen', '--id', fctDri.id, '--entity', 'LGEI')).toBe(1);
    expect(await active(fctDri.id)).toBe(false);
  });

  it('exits 1 for an unknown line or entity and 2 for bad usage, changing nothing', async () => {
    const { io, out, err, run } = await setup();
    const before = (await listRecentOrgAudit(io.database.db, 50)).length;
    expect(await run('close', '--id', 'bgl_nowhere')).toBe(1);
    expect(err.at(-1)).toBe('error: Ligne budgétaire inconnue : bgl_nowhere (id: unknown)');
    expect(await run('close', '--id', 'ANR-22', '--entity', 'Nowhere')).toBe(1);
    expect(await run('close')).toBe(2);
    expect(err.at(-1)).toBe('error: --id is required (the line id, or its code)');
    expect(await run('reopen', '--id', 'ANR-22', '--force')).toBe(2);
    expect(await run('archive', '--id', 'ANR-22')).toBe(2);
    expect(err.at(-1)).toContain('empreinte budget-line close|reopen --id ID|CODE [--entity ID|NAME]');
    expect(await run('--help')).toBe(0);
    expect(out.at(-1)).toContain('no person (command line)');
    expect(await listRecentOrgAudit(io.database.db, 50)).toHaveLength(before);
  });
});

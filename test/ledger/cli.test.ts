import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.ts';
import { openMigratedDatabase, projectRoot } from '../../src/shared/db.ts';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { exportBalances, exportStatement, type CliIo } from '../../src/ledger/ledger.cli.ts';
import { installLedgerAuditor, ledgerDatabase, trackLedger } from '../helpers/ledger-auditor.ts';
import { contribution } from './fixture.ts';

installLedgerAuditor();
const dir = mkdtempSync(join(tmpdir(), 'empreinte-ledger-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function io(): Promise<CliIo & { out: Array<string | Buffer>; err: string[] }> {
  const database = await ledgerDatabase();
  await bookMissionContribution(database, contribution('m1', { at: '2026-03-05T10:00:00Z', amountCents: 4_250 }));
  const out: Array<string | Buffer> = [];
  const err: string[] = [];
  return { database, clock: fixedClock('2026-11-27T10:00:00Z'), stdout: (d) => out.push(d), stderr: (l) => err.push(l), out, err };
}

describe('empreinte export statement', () => {
  it('writes the CSV of the school envelope by default, the hash on stderr', async () => {
    const ctx = await io();
    expect(await exportStatement(['--from', '2026-01-01', '--to', '2026-12-31'], ctx)).toBe(0);
    const csv = String(ctx.out[0]);
    expect(csv.startsWith('\ufeffDate;Horodatage (UTC);')).toBe(true);
    expect(csv).toContain(';;42,50;42,50;1000,000');
    expect(ctx.err[0]).toMatch(/^SHA-256 du contenu : [0-9a-f]{64}$/);
  });

  it('writes a PDF to --out', async () => {
    const ctx = await io();
    const out = join(dir, 'releve.pdf');
    expect(await exportStatement(['--account', 'envelope:school', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'pdf', '--out', out], ctx)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(ctx.out).toEqual([]);
  });

  it('exits 2 naming the bad option', async () => {
    const ctx = await io();
    expect(await exportStatement(['--from', '2026-01-01'], ctx)).toBe(2);
    expect(ctx.err.join('\n')).toContain('to:');
    expect(await exportStatement(['--from', '2026-01-01', '--to', '2026-01-31', '--colour'], ctx)).toBe(2);
    expect(ctx.err.join('\n')).toContain('Usage: empreinte export statement');
    expect(await exportStatement(['--account', 'acc_nope', '--from', '2026-01-01', '--to', '2026-01-31'], ctx)).toBe(2);
    expect(ctx.err.at(-1)).toContain('account: unknown account id or ref');
  });
});

describe('empreinte export balances', () => {
  it('writes balances as of a date', async () => {
    const ctx = await io();
    expect(await exportBalances(['--as-of', '2026-03-04', '--format', 'json'], ctx)).toBe(0);
    expect(JSON.parse(String(ctx.out[0])).accounts.map((a: { balanceCents: number }) => a.balanceCents)).toEqual([0, 0]);
    expect(await exportBalances(['--as-of', '2026-03-05'], ctx)).toBe(0);
    expect(String(ctx.out[1])).toContain('Enveloppe;Enveloppe de compensation (école);envelope:school;;42,50;');
  });
});

describe('the empreinte binary', () => {
  it('dispatches the two-word command against the configured database', async () => {
    const file = join(dir, 'ledger.sqlite');
    const database = trackLedger(openMigratedDatabase(file));
    await bookMissionContribution(database, contribution('m1', { amountCents: 999 }));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(projectRoot, 'bin/empreinte.js'), ...args], { env: { ...process.env, EMPREINTE_DB: file }, encoding: 'utf8', timeout: 15_000 });
    const balances = run('export', 'balances', '--format', 'json');
    expect(balances.stderr).toBe('');
    expect(balances.status).toBe(0);
    expect(JSON.parse(balances.stdout).accounts.map((a: { ref: string; balanceCents: number }) => [a.ref, a.balanceCents])).toEqual([
      ['budget_line:bgl_a', -999],
      ['envelope:school', 999],
    ]);
    const usage = run('export');
    expect(usage.status).toBe(2);
    expect(usage.stdout).toContain('export statement');
  });

  it('gives the empty statement of the school envelope on a fresh database', () => {
    const file = join(dir, 'fresh.sqlite');
    const run = spawnSync(process.execPath, [join(projectRoot, 'bin/empreinte.js'), 'export', 'statement', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv'], {
      env: { ...process.env, EMPREINTE_DB: file },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Solde d'ouverture;;;;;;0,00;");
    expect(run.stdout).toContain('Solde de clôture;;Totaux de la période;;0,00;0,00;0,00;');
  });
});

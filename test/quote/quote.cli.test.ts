import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestFromArgs } from '../../src/quote/quote.cli.ts';

const bin = join(import.meta.dirname, '../../bin/empreinte.js');
const env = { ...process.env, EMPREINTE_DB: join(mkdtempSync(join(tmpdir(), 'empreinte-cli-')), 'cli.sqlite') };

describe('empreinte quote', () => {
  it('turns flags into a quote request', () => {
    const request = requestFromArgs({ from: 'MPL', to: 'YUL', mode: 'plane', 'round-trip': true, fare: '950,50', travelers: '2' });
    expect(request.legs[0]).toMatchObject({ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, fareCents: 95_050, travelers: 2 });
    expect(request.contrails).toBe(true);
  });

  it('prints the same figures as the API as a table', () => {
    const out = execFileSync(process.execPath, [bin, 'quote', '--from', 'MPL', '--to', 'YUL', '--mode', 'plane', '--round-trip'], { env, encoding: 'utf8' });
    // 6 006 km × 2 × 152 g = 1 825 824 g ≈ 1,83 t; offset 182,59 € at 100 €/t.
    expect(out).toMatch(/6\s006 km/);
    expect(out).toContain('great-circle+95km');
    expect(out).toContain('plane.long.contrails');
    expect(out.replace(/\s/g, ' ')).toMatch(/Contribution carbone : 1,83 tCO2e × 100,00 €\/t \(\d{4}\) = 182,59 €/);
  });

  it('exits with 2 and names the field on bad input', () => {
    const res = spawnSync(process.execPath, [bin, 'quote', '--from', 'Zzzq', '--to', 'YUL'], { env, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('legs.0.from');
  });
});

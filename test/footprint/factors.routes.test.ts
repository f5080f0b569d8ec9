import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildDeps } from '../../src/deps.ts';
import { testConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { jsonErrorHandler } from '../../src/shared/http.ts';
import { loadFactorRegistry } from '../../src/footprint/factors.loader.ts';
import { factorsRouter } from '../../src/footprint/factors.routes.ts';
import { memoryDatabase } from '../helpers/db.ts';
import { testApp } from '../helpers/app.ts';

function routerApp(defaultSetId?: string) {
  const app = express();
  app.use(factorsRouter({ factors: loadFactorRegistry({ defaultSetId }) }));
  app.use(jsonErrorHandler(() => {}));
  return app;
}

describe('GET /api/factors', () => {
  it('lists every set with its provenance and rows', async () => {
    const res = await request(routerApp()).get('/api/factors').expect(200);
    expect(res.body.defaultSetId).toBe('ademe-base-carbone-series-a');
    expect(res.body.sets.map((s: { id: string }) => s.id)).toEqual(['ademe-base-carbone-series-a', 'impact-co2-2025-series-b']);
    const a = res.body.sets[0];
    expect(a).toMatchObject({ isDefault: true, version: '2026.2', dateChecked: '2026-12-07' });
    expect(a.licence).toMatch(/NON VÉRIFIÉE/);
    expect(a.rows.find((r: { id: string }) => r.id === 'plane.short.contrails')).toMatchObject({ value: 0.2586, unit: 'kgCO2e/pkm', sourceRef: 'Base Carbone 28130', verified: true });
  });

  it('shows one set, and the default follows the configuration', async () => {
    const res = await request(routerApp('impact-co2-2025-series-b')).get('/api/factors/impact-co2-2025-series-b').expect(200);
    expect(res.body).toMatchObject({ id: 'impact-co2-2025-series-b', isDefault: true });
    expect(res.body.rows).toHaveLength(32);
  });

  it('answers an unknown set with a structured 404', async () => {
    const res = await request(routerApp()).get('/api/factors/nope').expect(404);
    expect(res.body.error.code).toBe('factor_set.not_found');
  });
});

describe('composition root', () => {
  const base = (set: string) => ({ config: testConfig({ EMPREINTE_FACTOR_SET: set }), database: memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z') });

  it('builds the registry from EMPREINTE_FACTOR_SET', () => {
    expect(buildDeps(base('impact-co2-2025-series-b')).factors.defaultSetId).toBe('impact-co2-2025-series-b');
  });

  it('fails at start on an unknown factor set, naming the setting', () => {
    expect(() => buildDeps(base('ademe-2099'))).toThrow(/EMPREINTE_FACTOR_SET/);
  });

  it('serves /api/factors from the app', async () => {
    const { app } = testApp();
    const res = await request(app).get('/api/factors').expect(200);
    expect(res.body.defaultSetId).toBe('ademe-base-carbone-series-a');
  });
});

import express, { type Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/auth.types.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { jsonErrorHandler } from '../../src/shared/http.ts';
import { carbonPricesRouter } from '../../src/carbon-prices/carbon-prices.routes.ts';
import { memoryDatabase } from '../helpers/db.ts';
import { user } from '../ledger/http.ts';

// The carbon price API alone on a small app: a test middleware plays the signed-in user.
function pricesApp(roles: Role[]): { app: Express } {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    req.user = user(roles);
    next();
  });
  app.use(carbonPricesRouter({ database: memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), defaultPricePerTonneCents: 10_000 }));
  app.use(jsonErrorHandler((err) => console.error(err)));
  return { app };
}

const detailPaths = (res: request.Response): string[] => (res.body.error.details as Array<{ path: string }>).map((d) => d.path);

describe('/api/admin/carbon-prices', () => {
  it('lets an admin set a price per year and read the history', async () => {
    const { app } = pricesApp(['admin']);
    await request(app).post('/api/admin/carbon-prices').send({ year: 2026, pricePerTonneCents: 10_000, note: 'vote du CA' }).expect(201);
    const second = (await request(app).post('/api/admin/carbon-prices').send({ year: 2026, pricePerTonneCents: 12_000 }).expect(201)).body.price;
    expect(second).toMatchObject({ year: 2026, pricePerTonneCents: 12_000, setBy: 'usr_admin' });
    const res = (await request(app).get('/api/admin/carbon-prices').expect(200)).body;
    expect(res.current).toEqual([{ year: 2026, pricePerTonneCents: 12_000, source: 'admin' }]);
    expect(res.history.map((h: { pricePerTonneCents: number }) => h.pricePerTonneCents)).toEqual([12_000, 10_000]);
    expect(res.defaultPricePerTonneCents).toBe(10_000);
  });

  it('is for admins only and validates its body', async () => {
    await request(pricesApp(['finance']).app).get('/api/admin/carbon-prices').expect(403);
    const { app } = pricesApp(['admin']);
    const res = await request(app).post('/api/admin/carbon-prices').send({ year: 1800, pricePerTonneCents: -1 }).expect(400);
    expect(detailPaths(res).sort()).toEqual(['pricePerTonneCents', 'year']);
    expect(detailPaths(await request(app).post('/api/admin/carbon-prices').send({ year: 2026, pricePerTonneCents: 1, setBy: 'x' }).expect(400))).toEqual(['setBy']);
  });
});

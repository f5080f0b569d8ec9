import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body } from '../shared/http.ts';
import { carbonPriceForYear, setCarbonPrice } from '../costs/carbon-prices.repository.ts';
import { carbonPriceHistory, yearsWithPrice } from './carbon-price-history.repository.ts';
import { carbonPriceBody } from './ledger.schemas.ts';

// Admin API over the carbon price per year. A new price is a new row: transfers already booked keep
// the amount computed with the price of their day.
export function carbonPricesRouter(deps: Pick<AppDeps, 'config' | 'database' | 'clock'>): Router {
  const router = Router();
  const admin = requireRole('admin');
  const defaultCents = deps.config.EMPREINTE_CARBON_PRICE_CENTS;

  router.get('/api/admin/carbon-prices', admin, (_req, res) => {
    const db = deps.database.db;
    const current = yearsWithPrice(db).map((year) => ({ year, ...carbonPriceForYear(db, year, defaultCents) }));
    res.json({ defaultPricePerTonneCents: defaultCents, current, history: carbonPriceHistory(db) });
  });

  router.post('/api/admin/carbon-prices', admin, (req, res) => {
    const input = body(req, carbonPriceBody);
    const price = setCarbonPrice(deps.database.db, { ...input, setBy: currentUser(req).id }, deps.clock);
    res.status(201).json({ price });
  });

  return router;
}

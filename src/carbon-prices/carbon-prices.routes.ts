import { Router } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body } from '../shared/http.ts';
import { carbonPriceBody } from './carbon-prices.schemas.ts';
import { carbonPriceOverview, setYearCarbonPrice, type CarbonPriceDeps } from './carbon-prices.usecases.ts';

// Admin API over the carbon price per year.
export function carbonPricesRouter(deps: CarbonPriceDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/api/admin/carbon-prices', admin, async (_req, res) => {
    const { defaultPricePerTonneCents, current, history } = await carbonPriceOverview(deps);
    res.json({ defaultPricePerTonneCents, current, history: history.map(({ setByName: _name, ...row }) => row) });
  });

  router.post('/api/admin/carbon-prices', admin, async (req, res) => {
    const price = await setYearCarbonPrice(deps, body(req, carbonPriceBody), currentUser(req).id);
    res.status(201).json({ price });
  });

  return router;
}

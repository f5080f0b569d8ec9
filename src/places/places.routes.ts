import { Router } from 'express';
import { query } from '../shared/http.ts';
import { suggestQuerySchema } from './places.schemas.ts';
import type { PlaceResolver } from './places.usecases.ts';

// Autocomplete for the forms and for API clients; open like /api/quote (reference data only).
export function placesRouter(deps: { places: PlaceResolver }): Router {
  const router = Router();
  router.get('/api/places', (req, res) => {
    const { q, limit, kind } = query(req, suggestQuerySchema);
    // The data change only with a deployment: let browsers reuse an answer for an hour.
    res.set('Cache-Control', 'public, max-age=3600');
    res.json({ places: deps.places.suggest(q, { limit, kind }) });
  });
  return router;
}

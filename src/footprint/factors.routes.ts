import { Router } from 'express';
import type { CompiledFactorSet, FactorRegistry } from './factors.models.ts';

// The published face of a set: its metadata and rows exactly as validated from the file.
function publicSet(set: CompiledFactorSet, defaultSetId: string) {
  return {
    id: set.id,
    label: set.label,
    source: set.source,
    version: set.version,
    licence: set.licence,
    dateChecked: set.dateChecked,
    url: set.url,
    notes: set.notes,
    isDefault: set.id === defaultSetId,
    rows: set.rows,
  };
}

// Open without sign-in, like /api/quote: anyone may read which factors price a trip.
export function factorsRouter(deps: { factors: FactorRegistry }): Router {
  const { factors } = deps;
  const views = new Map(factors.sets.map((set) => [set.id, publicSet(set, factors.defaultSetId)]));
  const listing = { defaultSetId: factors.defaultSetId, sets: [...views.values()] };
  const router = Router();
  router.get('/api/factors', (_req, res) => {
    res.json(listing);
  });
  router.get('/api/factors/:setId', (req, res) => {
    const set = factors.get(req.params.setId); // unknown → factor_set.not_found (404)
    res.json(views.get(set.id));
  });
  return router;
}

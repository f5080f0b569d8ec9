import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { currentUser } from '../auth/auth.guards.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import type { Translate } from '../shared/i18n/index.ts';
import { renderPage } from '../web/render.ts';
import { parseMapping } from './import-columns.models.ts';
import { importMissionsCsv, type ImportSummary } from './import.usecases.ts';
import { recentImportRuns } from './import.usecases.ts';
import { adminOnly } from './reports.routes.ts';

// /admin/import: a form that works without JavaScript (the CSV pasted in a textarea, within the
// global 64 kB form limit) and, with templates/assets/reports-import.js, sends a chosen file of any
// size straight to POST /api/reports/import as text/csv with the page's CSRF token in X-CSRF-Token.

const importForm = z.object({
  csv: z.string().trim().min(1),
  strict: z.literal('on').optional(),
  factorSet: z.string().max(100).optional(),
  map: z.string().max(2000).optional(),
  entity: z.string().max(200).optional(),
});

type FormValues = { csv?: string; strict?: string; factorSet?: string; map?: string; entity?: string };

async function show(deps: AppDeps, res: Response, extra: { values?: FormValues; errors?: Record<string, string>; summary?: ImportSummary | null } = {}): Promise<void> {
  const t = res.locals.t as Translate;
  renderPage(res, 'reports/import', {
    title: t('reports.import.title'),
    scripts: ['reports-import.js'],
    values: extra.values ?? { factorSet: deps.factors.defaultSetId },
    errors: extra.errors ?? {},
    summary: extra.summary ?? null,
    factorSets: deps.factors.sets.map((s) => ({ id: s.id, label: `${s.label} (${s.version})` })),
    runs: await recentImportRuns(deps, 10),
  });
}

export function importPages(deps: AppDeps): Router {
  const router = Router();
  router.get('/admin/import', adminOnly, (_req, res) => show(deps, res));
  router.post('/admin/import', adminOnly, async (req, res) => {
    const t = res.locals.t as Translate;
    const values = (req.body ?? {}) as FormValues;
    const form = importForm.safeParse(values);
    if (!form.success) {
      res.status(400);
      return show(deps, res, { values, errors: { csv: t('reports.import.errorRequired') } });
    }
    try {
      const summary = await importMissionsCsv(deps, form.data.csv, {
        fileName: 'formulaire.csv', strict: form.data.strict === 'on', factorSetId: form.data.factorSet || undefined,
        mapping: form.data.map ? parseMapping(form.data.map) : undefined, entity: form.data.entity || null, actorId: currentUser(req).id,
      });
      res.status(summary.refused ? 422 : 200);
      await show(deps, res, { values: { ...values, csv: '' }, summary });
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      res.status(400);
      await show(deps, res, { values, errors: { csv: errorMessage(err, res.locals.t) } });
    }
  });
  return router;
}

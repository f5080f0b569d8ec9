import express, { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AppDeps } from '../deps.ts';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { importErrors } from './reports.errors.ts';
import { body, query } from '../shared/http.ts';
import { translator } from '../shared/i18n/index.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { copilReport, currentParisYear } from './copil.usecases.ts';
import { copilView } from './copil-view.models.ts';
import { copilCsv } from './report-csv.export.ts';
import { copilPdf } from './report-pdf.export.ts';
import { recomputeYear } from './recompute.usecases.ts';
import { parseMapping } from './import-columns.models.ts';
import { importErrorsCsv } from './import-errors.export.ts';
import { importMissionsCsv, recentImportRuns } from './import.usecases.ts';
import { copilQuery, importQuery, recomputeQuery, settingsBody } from './reports.schemas.ts';
import { reportSettings, reportSettingsHistory, setReportSettings } from './settings.usecases.ts';

// Who sees what: the report is read by the copil and by finance (it shows the envelope they keep);
// settings, imports and recomputations are admin's. Admin passes every role check.
export const readReport = requireRole('copil', 'finance');
export const adminOnly = requireRole('admin');

export const MAX_IMPORT_BYTES = '50mb';
export const MAX_ERRORS_IN_JSON = 1000;

export async function sendCopil(deps: Pick<AppDeps, 'database' | 'clock'>, res: Response, q: ReturnType<typeof copilQuery.parse>): Promise<void> {
  const report = await copilReport(deps, q);
  const name = `copil_${report.year}_ref${report.reference}`;
  if (q.format === 'csv') {
    res.attachment(`${name}.csv`).type('text/csv; charset=utf-8').send(copilCsv(report));
  } else if (q.format === 'pdf') {
    const lang = q.lang ?? 'fr';
    const pdf = await copilPdf(copilView(report, translator(lang), lang), report, DateTime.fromISO(report.generatedAt));
    res.attachment(`${name}.pdf`).type('application/pdf').send(pdf);
  } else {
    res.json(report);
  }
}

function importText(req: Request): string {
  if (typeof req.body !== 'string' || req.body.length === 0) {
    throw importErrors.csvBodyExpected({}, [{ path: '(body)', message: 'text/csv body expected' }]);
  }
  return req.body;
}

export function reportsRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/reports/copil', readReport, async (req, res) => sendCopil(deps, res, query(req, copilQuery)));
  router.get('/api/reports/copil.csv', readReport, async (req, res) => sendCopil(deps, res, parseOrThrow(copilQuery, { ...req.query, format: 'csv' }, 'query')));
  router.get('/api/reports/copil.pdf', readReport, async (req, res) => sendCopil(deps, res, parseOrThrow(copilQuery, { ...req.query, format: 'pdf' }, 'query')));

  router.get('/api/reports/settings', readReport, async (_req, res) => {
    res.json({ settings: await reportSettings(deps), history: await reportSettingsHistory(deps) });
  });
  router.put('/api/reports/settings', adminOnly, async (req, res) => {
    const input = body(req, settingsBody);
    res.json({ settings: await setReportSettings(deps, input, currentUser(req).id) });
  });

  router.get('/api/reports/recompute', adminOnly, async (req, res) => {
    const q = query(req, recomputeQuery);
    res.json(await recomputeYear(deps, q.year ?? currentParisYear(deps.clock), q.factorSet));
  });

  // The CSV comes as the raw body (text/csv): no multipart parser is needed, and scripts with a token
  // post it with curl --data-binary. A signed-in browser sends its CSRF token in X-CSRF-Token.
  const csvBody = express.text({ type: ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/csv'], limit: MAX_IMPORT_BYTES });
  router.post('/api/reports/import', adminOnly, csvBody, async (req, res) => {
    const q = query(req, importQuery);
    const summary = await importMissionsCsv(deps, importText(req), {
      fileName: q.fileName ?? 'upload.csv', strict: q.strict, factorSetId: q.factorSet, mapping: q.map ? parseMapping(q.map) : undefined,
      entity: q.entity ?? null, batchSize: q.batch, actorId: currentUser(req).id,
    });
    if (q.errors === 'csv') {
      res.attachment(`erreurs_${summary.importId}.csv`).type('text/csv; charset=utf-8').send(importErrorsCsv(summary.errors, summary.header));
      return;
    }
    const { errors, header: _header, ...rest } = summary;
    res.status(summary.refused ? 422 : 200).json({
      ...rest,
      errors: errors.slice(0, MAX_ERRORS_IN_JSON).map(({ line, field, code, reason }) => ({ line, field, code, reason })),
      errorsTruncated: errors.length > MAX_ERRORS_IN_JSON,
    });
  });

  router.get('/api/reports/imports', adminOnly, async (_req, res) => {
    res.json({ imports: await recentImportRuns(deps) });
  });
  return router;
}

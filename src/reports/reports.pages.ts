import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { currentUser } from '../auth/auth.guards.ts';
import { hasRole } from '../auth/auth.types.ts';
import type { Lang, Translate } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import { fieldErrorsFrom, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { chartSvg } from './charts-svg.models.ts';
import { copilReport, currentParisYear, targetsText } from './copil.usecases.ts';
import { copilView, formatters, modeLabel } from './copil-view.models.ts';
import { recomputeYear } from './recompute.usecases.ts';
import { adminOnly, readReport } from './reports.routes.ts';
import { MAX_YEAR, MIN_YEAR } from './import-values.models.ts';
import { settingsBody } from './reports.schemas.ts';
import { reportSettings, reportSettingsHistory, setReportSettings } from './settings.usecases.ts';
import type { ReportSettings } from './settings.models.ts';
import { importPages } from './import.pages.ts';

const tools = (res: Response) => ({ t: res.locals.t as Translate, lang: res.locals.lang as Lang });

// A bad year in the address is not worth an error page: the filter falls back to its default.
const yearParam = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional().catch(undefined);
const periodQuery = z.object({ year: yearParam, reference: yearParam });

export const TARGET_ROWS = 3;
type SettingsForm = Record<string, string>;
const settingsFormFields = z.record(z.string(), z.string().max(100));

function formFromSettings(s: ReportSettings): SettingsForm {
  const form: SettingsForm = { referenceYear: String(s.referenceYear), rate: String(s.ghgReductionPercentPerYear) };
  s.flightTargets.slice(0, TARGET_ROWS).forEach((target, i) => {
    form[`target${i + 1}Year`] = String(target.year);
    form[`target${i + 1}Percent`] = String(target.reductionPercent);
  });
  return form;
}

// Form fields (strings, decimal comma allowed) → the API's settings body; blank target rows are dropped.
function settingsFromForm(form: SettingsForm) {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.').trim()));
  const flightTargets = [];
  for (let i = 1; i <= TARGET_ROWS; i++) {
    const year = form[`target${i}Year`];
    const percent = form[`target${i}Percent`];
    if ((year ?? '').trim() === '' && (percent ?? '').trim() === '') continue;
    flightTargets.push({ year: num(year), reductionPercent: num(percent) });
  }
  return { referenceYear: num(form.referenceYear), ghgReductionPercentPerYear: num(form.rate), flightTargets };
}

// Settings issues name API paths (flightTargets.1.year); the form's fields are target2Year.
function formErrors(errors: FieldErrors): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const target = /^flightTargets\.(\d+)\.(year|reductionPercent)$/.exec(path);
    const name = target ? `target${Number(target[1]) + 1}${target[2] === 'year' ? 'Year' : 'Percent'}` : path === 'ghgReductionPercentPerYear' ? 'rate' : path;
    renamed[name] ??= message;
  }
  return renamed;
}

async function showCopil(deps: AppDeps, req: Request, res: Response, extra: { form?: SettingsForm; errors?: FieldErrors } = {}): Promise<void> {
  const { t, lang } = tools(res);
  const period = periodQuery.parse(req.query);
  const report = await copilReport(deps, period);
  const view = copilView(report, t, lang);
  const admin = hasRole(currentUser(req), 'admin');
  const query = `year=${report.year}&reference=${report.reference}`;
  renderPage(res, 'reports/copil', {
    title: view.title,
    view,
    report,
    svgs: view.charts.map((c) => chartSvg(c.chart, { id: c.id, title: c.title, desc: c.desc })),
    links: { pdf: `/api/reports/copil.pdf?${query}&lang=${lang}`, csv: `/api/reports/copil.csv?${query}` },
    admin,
    settingsForm: extra.form ?? formFromSettings(await reportSettings(deps)),
    errors: extra.errors ?? {},
    history: admin
      ? (await reportSettingsHistory(deps, 10)).map((h) => ({ at: h.setAt!, text: t('reports.settings.current', { reference: h.referenceYear, rate: formatters(lang).percent(h.ghgReductionPercentPerYear), targets: targetsText(h.flightTargets, lang) }) }))
      : [],
    factorSets: deps.factors.sets.map((s) => ({ id: s.id, label: `${s.label} (${s.version})` })),
    targetRows: TARGET_ROWS,
    recomputeSet: otherSet(deps),
  });
}

// Recomputing under the set already in use shows no difference: offer another one first.
const otherSet = (deps: AppDeps): string => deps.factors.sets.find((s) => s.id !== deps.factors.defaultSetId)?.id ?? deps.factors.defaultSetId;

async function showRecompute(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const { t, lang } = tools(res);
  const f = formatters(lang);
  const q = z.object({ year: yearParam, set: z.string().max(100).optional().catch(undefined) }).parse(req.query);
  const year = q.year ?? currentParisYear(deps.clock);
  const setId = q.set && deps.factors.sets.some((s) => s.id === q.set) ? q.set : otherSet(deps);
  const result = await recomputeYear(deps, year, setId);
  const pct = (recorded: number, difference: number) => (recorded === 0 ? t('reports.none') : `${difference > 0 ? '+' : ''}${f.percent((difference / recorded) * 100)} %`);
  const signed = (grams: number) => `${grams > 0 ? '+' : ''}${f.tonnes(grams)}`;
  renderPage(res, 'reports/recompute', {
    title: t('reports.recompute.title'),
    result,
    year,
    setId,
    factorSets: deps.factors.sets.map((s) => ({ id: s.id, label: `${s.label} (${s.version})` })),
    rows: [
      ...result.rows.map((r) => [modeLabel(t, r.mode), f.tonnes(r.recordedGrams), f.tonnes(r.recomputedGrams), signed(r.differenceGrams), pct(r.recordedGrams, r.differenceGrams)]),
    ],
    total: [t('reports.recompute.total'), f.tonnes(result.totals.recordedGrams), f.tonnes(result.totals.recomputedGrams), signed(result.totals.differenceGrams), pct(result.totals.recordedGrams, result.totals.differenceGrams)],
    recordedSets: result.recordedSets.map((s) => `${s.id} ${s.version}`).join(', ') || t('reports.none'),
  });
}

export function reportsPages(deps: AppDeps): Router {
  const router = Router();
  router.get('/copil', readReport, (req, res) => showCopil(deps, req, res));
  router.post('/copil/settings', adminOnly, async (req, res) => {
    // A field sent twice arrives as an array: refused like any other malformed field.
    const fields = settingsFormFields.safeParse(req.body ?? {});
    if (!fields.success) {
      res.status(400);
      return showCopil(deps, req, res, { errors: formErrors(fieldErrorsFrom(fields.error.issues, res.locals.t)) });
    }
    const form = fields.data;
    const parsed = settingsBody.safeParse(settingsFromForm(form));
    if (!parsed.success) {
      res.status(400);
      return showCopil(deps, req, res, { form, errors: formErrors(fieldErrorsFrom(parsed.error.issues, res.locals.t)) });
    }
    await setReportSettings(deps, parsed.data, currentUser(req).id);
    setFlash(res, 'reports.settings.saved');
    res.redirect(303, '/copil');
  });
  router.get('/copil/recompute', adminOnly, (req, res) => showRecompute(deps, req, res));
  router.use(importPages(deps));
  return router;
}

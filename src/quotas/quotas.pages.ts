import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { describeError, isAppError } from '../shared/errors.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { formErrors, formValues, pageTools } from '../ledger/ledger-pages.helpers.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import type { FieldErrors } from '../web/forms.ts';
import { quotaSeverities } from './quotas.models.ts';
import { quotaForm } from './quotas.schemas.ts';
import { quotaOverview, setQuota, type QuotaDeps } from './quotas.usecases.ts';

// /admin/quotas: each entity's quota of the year with what is used, a form to set one (a new row,
// through the same use case as POST /api/quotas) and the full history.

const FIELDS = ['entityId', 'year', 'quotaKg', 'severity', 'note'] as const;

async function showQuotas(deps: QuotaDeps, req: Request, res: Response, form?: { values: Record<string, string>; errors: FieldErrors }): Promise<void> {
  const { t, f } = pageTools(res);
  const thisYear = parisCalendarDay(deps.clock.nowMs()).year;
  const year = /^\d{4}$/.test(String(req.query.year ?? '')) ? Number(req.query.year) : thisYear;
  const overview = await quotaOverview(deps, year);
  const severity = (s: string) => t(`quotas.severity.${s as 'warning' | 'justification'}`);
  renderPage(res, 'quotas/admin', {
    title: t('quotas.admin.title'),
    year,
    rows: overview.current.map((r) => ({
      entity: r.entity.name,
      quota: r.quota ? f.kg(r.quota.quotaGrams) : t('quotas.none'),
      used: r.usage ? f.kg(r.usage.usedGrams) : '—',
      remaining: r.usage ? f.kg(r.usage.remainingGrams) : '—',
      exceeded: r.usage?.exceeded ?? false,
      severity: r.quota ? severity(r.quota.severity) : '—',
    })),
    history: overview.history.map((h) => ({ at: h.setAt, entity: h.entityName, year: h.year, quota: f.kg(h.quotaGrams), severity: severity(h.severity), note: h.note ?? '' })),
    entityOptions: [{ value: '', label: t('quotas.form.entity.choose') }, ...overview.current.map((r) => ({ value: r.entity.id, label: r.entity.name }))],
    severityOptions: quotaSeverities.map((s) => ({ value: s, label: severity(s) })),
    form: form ?? { values: { entityId: '', year: String(year), quotaKg: '', severity: 'justification', note: '' }, errors: {} },
  });
}

export function quotaAdminPages(deps: QuotaDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/quotas', admin, (req, res) => showQuotas(deps, req, res));
  router.post('/admin/quotas', admin, async (req, res) => {
    const values = formValues(req, FIELDS);
    const parsed = quotaForm.safeParse(req.body);
    if (!parsed.success) return showQuotas(deps, req, res.status(400), { values, errors: formErrors(parsed.error.issues, res.locals.t) });
    let quota;
    try {
      quota = await setQuota(deps, { ...parsed.data, note: parsed.data.note || undefined }, currentUser(req).id);
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      return showQuotas(deps, req, res.status(err.status), { values, errors: { entityId: describeError(err, res.locals.lang).message } });
    }
    setFlash(res, 'quotas.flash.set', { params: { year: quota.year } });
    res.redirect(303, `/admin/quotas?year=${quota.year}`);
  });
  return router;
}

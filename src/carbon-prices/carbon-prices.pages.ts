import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import type { MessageKey } from '../shared/i18n/index.ts';
import type { FieldErrors } from '../web/forms.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { formErrors, formValues, pageTools, parisToday } from '../ledger/ledger-pages.helpers.ts';
import { carbonPriceForm } from './carbon-prices.schemas.ts';
import { carbonPriceOverview, setYearCarbonPrice, type CarbonPriceDeps } from './carbon-prices.usecases.ts';

// /admin: the carbon price per year (current and full history) and links to the other admin tools.
// The price goes through the same use case as POST /api/admin/carbon-prices: a new row, never an
// edit, so transfers already booked keep the price of their day.

// Admin tools that exist today. Add a line here when a new admin page ships (e.g. /admin/import).
const adminLinks: Array<{ href: string; key: MessageKey }> = [
  { href: '/admin/people', key: 'people.adminLink' },
  { href: '/admin/organisation', key: 'org.adminLink' },
  { href: '/admin/approvals', key: 'approvals.admin.link' },
  { href: '/admin/quotas', key: 'quotas.admin.link' },
  { href: '/admin/policies', key: 'policies.admin.link' },
  { href: '/admin/notifications', key: 'notifications.admin.link' },
  { href: '/finance', key: 'ledger.admin.link.finance' },
  { href: '/secretariat', key: 'ledger.admin.link.secretariat' },
  { href: '/api/ledger/audit', key: 'ledger.admin.link.audit' },
  { href: '/api/openapi.json', key: 'ledger.admin.link.openapi' },
];

type FormState = { values: Record<string, string>; errors: FieldErrors };

async function showAdmin(deps: CarbonPriceDeps, req: Request, res: Response, form?: FormState): Promise<void> {
  const { t, f } = pageTools(res);
  const thisYear = Number(parisToday(deps.clock).slice(0, 4));
  const overview = await carbonPriceOverview(deps, thisYear);
  renderPage(res, 'carbon-prices/admin', {
    title: t('ledger.admin.title'),
    defaultPrice: f.eur(overview.defaultPricePerTonneCents),
    current: overview.current.map((price) => ({
      year: price.year,
      price: f.eur(price.pricePerTonneCents),
      source: t(price.source === 'admin' ? 'ledger.admin.source.admin' : 'ledger.admin.source.default'),
    })),
    history: overview.history.map((row) => ({ year: row.year, price: f.eur(row.pricePerTonneCents), note: row.note ?? '', who: row.setByName ?? row.setBy ?? '—', at: row.createdAt })),
    form: form ?? { values: { year: String(thisYear), price: '', note: '' }, errors: {} },
    links: adminLinks,
  });
}

export function adminPages(deps: CarbonPriceDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/admin', admin, (req, res) => showAdmin(deps, req, res));

  router.post('/admin/carbon-prices', admin, async (req, res) => {
    const { t, f } = pageTools(res);
    const values = formValues(req, ['year', 'price', 'note']);
    const parsed = carbonPriceForm.safeParse(req.body);
    if (!parsed.success) return showAdmin(deps, req, res.status(400), { values, errors: formErrors(parsed.error.issues, t) });
    const { year, price, note } = parsed.data;
    await setYearCarbonPrice(deps, { year, pricePerTonneCents: price, note }, currentUser(req).id);
    setFlash(res, 'ledger.flash.priceSet', { params: { year, price: f.eur(price) } });
    res.redirect(303, '/admin#carbon-prices');
  });

  return router;
}

import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { findUserById } from '../auth/users.repository.ts';
import type { MessageKey } from '../shared/i18n/index.ts';
import type { FieldErrors } from '../web/forms.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { carbonPriceForYear, setCarbonPrice } from '../costs/carbon-prices.repository.ts';
import { carbonPriceHistory, yearsWithPrice } from './carbon-price-history.repository.ts';
import { carbonPriceForm } from './ledger-pages.schemas.ts';
import { formErrors, formValues, pageTools, parisToday } from './ledger-pages.helpers.ts';

// /admin: the carbon price per year (current and full history) and links to the other admin tools.
// The price goes through the same repository as POST /api/admin/carbon-prices: a new row, never an
// edit, so transfers already booked keep the price of their day.

// Admin tools that exist today. Add a line here when a new admin page ships (e.g. /admin/import).
const adminLinks: Array<{ href: string; key: MessageKey }> = [
  { href: '/admin/people', key: 'people.adminLink' },
  { href: '/admin/organisation', key: 'org.adminLink' },
  { href: '/finance', key: 'ledger.admin.link.finance' },
  { href: '/secretariat', key: 'ledger.admin.link.secretariat' },
  { href: '/api/ledger/audit', key: 'ledger.admin.link.audit' },
  { href: '/api/openapi.json', key: 'ledger.admin.link.openapi' },
];

type FormState = { values: Record<string, string>; errors: FieldErrors };

function showAdmin(deps: Pick<AppDeps, 'config' | 'database' | 'clock'>, req: Request, res: Response, form?: FormState): void {
  const { t, f } = pageTools(res);
  const db = deps.database.db;
  const defaultCents = deps.config.EMPREINTE_CARBON_PRICE_CENTS;
  const thisYear = Number(parisToday(deps.clock).slice(0, 4));
  const years = [...new Set([...yearsWithPrice(db), thisYear])].sort((a, b) => a - b);
  const names = new Map<string, string>();
  const who = (id: string | null) => {
    if (!id) return '—';
    if (!names.has(id)) names.set(id, findUserById(db, id)?.name ?? id);
    return names.get(id)!;
  };
  renderPage(res, 'ledger/admin', {
    title: t('ledger.admin.title'),
    defaultPrice: f.eur(defaultCents),
    current: years.map((year) => {
      const price = carbonPriceForYear(db, year, defaultCents);
      return { year, price: f.eur(price.pricePerTonneCents), source: t(price.source === 'admin' ? 'ledger.admin.source.admin' : 'ledger.admin.source.default') };
    }),
    history: carbonPriceHistory(db).map((row) => ({ year: row.year, price: f.eur(row.pricePerTonneCents), note: row.note ?? '', who: who(row.setBy), at: row.createdAt })),
    form: form ?? { values: { year: String(thisYear), price: '', note: '' }, errors: {} },
    links: adminLinks,
  });
}

export function adminPages(deps: Pick<AppDeps, 'config' | 'database' | 'clock'>): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/admin', admin, (req, res) => showAdmin(deps, req, res));

  router.post('/admin/carbon-prices', admin, (req, res) => {
    const { t, f } = pageTools(res);
    const values = formValues(req, ['year', 'price', 'note']);
    const parsed = carbonPriceForm.safeParse(req.body);
    if (!parsed.success) return showAdmin(deps, req, res.status(400), { values, errors: formErrors(parsed.error.issues, t) });
    const { year, price, note } = parsed.data;
    setCarbonPrice(deps.database.db, { year, pricePerTonneCents: price, note, setBy: currentUser(req).id }, deps.clock);
    setFlash(res, 'ledger.flash.priceSet', { params: { year, price: f.eur(price) } });
    res.redirect(303, '/admin#carbon-prices');
  });

  return router;
}

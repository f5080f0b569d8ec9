import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { isAppError } from '../shared/errors.ts';
import type { MessageKey, Translate } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import { formStrings, parseForm, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { entityKinds } from './org.models.ts';
import { budgetLineCreateSchema, entityCreateSchema } from './org.schemas.ts';
import { createBudgetLine, createEntity, listBudgetLines, listEntities, recentOrgChanges, resolveEntity, setBudgetLineActive } from './org.usecases.ts';

// /admin/organisation: entities with their budget lines (each closed or reopened by a button), and a form for each. Same use cases and
// schemas as POST /api/entities and /api/budget-lines; a refusal shows the form again beside the field.

type OrgDeps = { database: Database; clock: Clock };
type Form = { values: Record<string, string>; errors: FieldErrors };
type PageState = { entityForm?: Form; lineForm?: Form };

const ENTITY_FIELDS = ['name', 'kind'] as const;
const LINE_FIELDS = ['entityId', 'code', 'label'] as const;
// Enough to see what changed lately; the whole trail stays in org_audit.
const RECENT_CHANGES = 50;

async function recentChanges(deps: OrgDeps, t: Translate) {
  return (await recentOrgChanges(deps, RECENT_CHANGES)).map((row) => ({
    at: row.at,
    who: row.actorName ?? row.actorId ?? t('org.audit.cli'),
    what: t(`org.audit.action.${row.action}`),
    detail: row.detail,
  }));
}

async function showOrganisation(deps: OrgDeps, res: Response, state: PageState = {}): Promise<void> {
  const t = res.locals.t;
  const entities = await listEntities(deps);
  const lines = await listBudgetLines(deps);
  renderPage(res, 'org/organisation', {
    title: t('org.title'),
    entities: entities.map((e) => ({ ...e, kindLabel: t(`org.kind.${e.kind}`), lines: lines.filter((l) => l.entityId === e.id) })),
    kindOptions: [{ value: '', label: t('org.entityForm.kind.choose') }, ...entityKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))],
    entityOptions: [{ value: '', label: t('org.lineForm.entity.choose') }, ...entities.map((e) => ({ value: e.id, label: e.name }))],
    entityForm: state.entityForm ?? { values: { name: '', kind: '' }, errors: {} },
    lineForm: state.lineForm ?? { values: { entityId: '', code: '', label: '' }, errors: {} },
    changes: await recentChanges(deps, t),
    changesLimit: RECENT_CHANGES,
  });
}

// The use cases' refusals (conflicts, an entity gone meanwhile) as a message beside their field.
const refusals: Record<string, { field: string; key: MessageKey }> = {
  'entity.conflict': { field: 'name', key: 'org.error.entityNameTaken' },
  'budget_line.conflict': { field: 'code', key: 'org.error.codeTaken' },
  'validation.invalid': { field: 'entityId', key: 'org.error.unknownEntity' },
};

function refusalErrors(err: unknown, t: Translate): { status: number; errors: FieldErrors } {
  const known = isAppError(err) ? refusals[err.code] : undefined;
  if (!isAppError(err) || !known) throw err;
  return { status: err.status, errors: { [known.field]: t(known.key) } };
}

function entityNameErrors(errors: FieldErrors, t: Translate, name: string): FieldErrors {
  // The schema's one custom rule: a name may not look like an id.
  return errors.name && name.trim().startsWith('ent_') ? { ...errors, name: t('org.error.entityNameReserved') } : errors;
}

export function organisationPages(deps: OrgDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/admin/organisation', admin, (_req, res) => showOrganisation(deps, res));

  router.post('/admin/organisation/entities', admin, async (req: Request, res: Response) => {
    const t = res.locals.t;
    const values = formStrings(req.body, ENTITY_FIELDS);
    const form = parseForm(entityCreateSchema, values, t);
    if (!form.ok) return showOrganisation(deps, res.status(400), { entityForm: { values, errors: entityNameErrors(form.errors, t, values.name) } });
    try {
      const entity = await createEntity(deps, form.data, currentUser(req).id);
      setFlash(res, 'org.flash.entityCreated', { params: { name: entity.name } });
      res.redirect(303, '/admin/organisation');
    } catch (err) {
      const { status, errors } = refusalErrors(err, t);
      await showOrganisation(deps, res.status(status), { entityForm: { values, errors } });
    }
  });

  router.post('/admin/organisation/budget-lines', admin, async (req: Request, res: Response) => {
    const t = res.locals.t;
    const values = formStrings(req.body, LINE_FIELDS);
    const form = parseForm(budgetLineCreateSchema, values, t);
    if (!form.ok) return showOrganisation(deps, res.status(400), { lineForm: { values, errors: form.errors } });
    try {
      const line = await createBudgetLine(deps, form.data, currentUser(req).id);
      setFlash(res, 'org.flash.lineCreated', { params: { code: line.code, entity: (await resolveEntity(deps, line.entityId)).name } });
      res.redirect(303, '/admin/organisation');
    } catch (err) {
      const { status, errors } = refusalErrors(err, t);
      await showOrganisation(deps, res.status(status), { lineForm: { values, errors } });
    }
  });

  // An unknown line is the 404 page (budget_line.not_found); closing a closed line says so.
  for (const [action, active] of [['close', false], ['reopen', true]] as const) {
    router.post(`/admin/organisation/budget-lines/:id/${action}`, admin, async (req: Request, res: Response) => {
      const { budgetLine, changed } = await setBudgetLineActive(deps, String(req.params.id), active, currentUser(req).id);
      const key = !changed ? 'org.flash.lineUnchanged' : active ? 'org.flash.lineReopened' : 'org.flash.lineClosed';
      setFlash(res, key, { params: { code: budgetLine.code }, kind: changed ? 'success' : 'info' });
      res.redirect(303, '/admin/organisation');
    });
  }

  return router;
}

import { Router, type Request, type Response } from 'express';
import { listEntities } from '../org/org.usecases.ts';
import { isAppError } from '../shared/errors.ts';
import { setFlash } from '../web/flash.ts';
import { formStrings, parseForm, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { userCategories } from './auth.models.ts';
import { actorOf, currentUser, requireRole } from './auth.guards.ts';
import { newPasswordErrors } from './password.pages.ts';
import { setPasswordByAdmin } from './passwords.usecases.ts';
import { personUpdateSchema, type Person } from './users-admin.schemas.ts';
import { personById, updatePerson } from './users-admin.usecases.ts';
import type { AuthDeps } from './users.usecases.ts';

// /admin/people/:id: one person's name, entity and category, and a new password. Same use cases as
// PATCH /api/users/:id and POST /api/users/:id/password; success goes back to the list with a flash.

const DETAIL_FIELDS = ['name', 'entityId', 'category'] as const;
type DetailValues = Record<(typeof DETAIL_FIELDS)[number], string>;
type PageState = { details?: { values: DetailValues; errors: FieldErrors }; passwordErrors?: FieldErrors };


async function showPerson(deps: AuthDeps, req: Request, res: Response, person: Person, state: PageState = {}): Promise<void> {
  const t = res.locals.t;
  renderPage(res, 'auth/person', {
    title: t('person.title', { name: person.name }),
    person,
    isMe: person.id === currentUser(req).id,
    categoryOptions: userCategories.map((c) => ({ value: c, label: t(`category.${c}`) })),
    entityOptions: [{ value: '', label: t('people.form.entity.none') }, ...(await listEntities(deps)).map((e) => ({ value: e.id, label: e.name }))],
    details: state.details ?? { values: { name: person.name, entityId: person.entity?.id ?? '', category: person.category }, errors: {} },
    passwordErrors: state.passwordErrors ?? {},
  });
}

async function saveDetails(deps: AuthDeps, req: Request, res: Response): Promise<void> {
  const t = res.locals.t;
  const person = await personById(deps, String(req.params.id));
  const values = formStrings(req.body, DETAIL_FIELDS);
  const form = parseForm(personUpdateSchema, { ...values, entityId: values.entityId || null }, t);
  if (!form.ok) return showPerson(deps, req, res.status(400), person, { details: { values, errors: form.errors } });
  try {
    const { user, changed } = await updatePerson(deps, person.id, form.data, actorOf(req));
    setFlash(res, changed ? 'people.flash.updated' : 'people.flash.unchanged', { params: { name: user.name }, kind: changed ? 'success' : 'info' });
    res.redirect(303, '/admin/people');
  } catch (err) {
    // The entity chosen was removed from the list meanwhile (or the id was forged).
    if (!isAppError(err) || err.details[0]?.path !== 'entityId') throw err;
    await showPerson(deps, req, res.status(400), person, { details: { values, errors: { entityId: t('people.error.unknownEntity') } } });
  }
}

async function setPassword(deps: AuthDeps, req: Request, res: Response): Promise<void> {
  const t = res.locals.t;
  const person = await personById(deps, String(req.params.id));
  const { newPassword, confirmPassword } = formStrings(req.body, ['newPassword', 'confirmPassword']);
  const errors = newPasswordErrors(newPassword, confirmPassword, t);
  if (Object.keys(errors).length) return showPerson(deps, req, res.status(400), person, { passwordErrors: errors });
  try {
    await setPasswordByAdmin(deps, person.id, newPassword, actorOf(req));
    setFlash(res, 'people.flash.passwordSet', { params: { name: person.name } });
    res.redirect(303, '/admin/people');
  } catch (err) {
    if (!isAppError(err) || err.code !== 'user.self_password') throw err;
    await showPerson(deps, req, res.status(409), person);
  }
}

export function personPages(deps: AuthDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/people/:id', admin, async (req, res) => showPerson(deps, req, res, await personById(deps, String(req.params.id))));
  router.post('/admin/people/:id', admin, (req, res) => saveDetails(deps, req, res));
  router.post('/admin/people/:id/password', admin, (req, res) => setPassword(deps, req, res));
  return router;
}

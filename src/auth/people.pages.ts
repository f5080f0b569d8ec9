import { Router, type Request, type Response } from 'express';
import { listEntities } from '../org/org.usecases.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import type { Translate } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import { formList, formStrings, parseForm, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { userCategories } from './auth.models.ts';
import { roles, type Role } from './auth.types.ts';
import { actorOf, currentUser, requireRole } from './auth.guards.ts';
import { personPages } from './person.pages.ts';
import { personCreateSchema, roleChangeSchema, type Person } from './users-admin.schemas.ts';
import { createPerson, disableUser, enableUser, listPeople, personById } from './users-admin.usecases.ts';
import { changeRole, type AuthDeps } from './users.usecases.ts';

// /admin/people: the list of people with per-person actions (roles, disable, enable) and a form to add
// someone. Every action goes through the same use cases as the API and the CLI, and redirects (303)
// with a flash; a refusal shows the page again with the reason and the status (400, 404, 409).

const PERSON_FIELDS = ['email', 'name', 'category', 'entityId', 'password'] as const;
type PersonFormValues = Record<Exclude<(typeof PERSON_FIELDS)[number], 'password'>, string> & { roles: string[] };
type PageState = { form?: { values: PersonFormValues; errors: FieldErrors }; actionError?: string };

const emptyForm = (): PageState['form'] => ({ values: { email: '', name: '', category: 'staff', entityId: '', roles: ['staff'] }, errors: {} });
const roleLabel = (t: Translate, role: Role) => t(`role.${role}`);

async function showPeople(deps: AuthDeps, req: Request, res: Response, state: PageState = {}): Promise<void> {
  const t = res.locals.t;
  const me = currentUser(req).id;
  renderPage(res, 'auth/people', {
    title: t('people.title'),
    people: (await listPeople(deps)).map((p) => ({
      ...p,
      isMe: p.id === me,
      category: t(`category.${p.category}`),
      roles: p.roles.map((role) => ({ value: role, label: roleLabel(t, role) })),
      addable: roles.filter((role) => !p.roles.includes(role)).map((role) => ({ value: role, label: roleLabel(t, role) })),
    })),
    categoryOptions: userCategories.map((c) => ({ value: c, label: t(`category.${c}`) })),
    entityOptions: [{ value: '', label: t('people.form.entity.none') }, ...(await listEntities(deps)).map((e) => ({ value: e.id, label: e.name }))],
    roleOptions: roles.map((role) => ({ value: role, label: roleLabel(t, role) })),
    form: state.form ?? emptyForm(),
    actionError: state.actionError,
  });
}


// One action on one person: a 404 page for an unknown id, the page again with the reason for a 409.
function personAction(deps: AuthDeps, run: (person: Person, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    const person = await personById(deps, String(req.params.id));
    try {
      await run(person, req, res);
    } catch (err) {
      if (!isAppError(err) || err.status !== 409) throw err;
      await showPeople(deps, req, res.status(409), { actionError: errorMessage(err, res.locals.t) });
    }
  };
}

function personFormErrors(errors: FieldErrors, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === 'roles' || path.startsWith('roles.')) out.roles ??= t('people.error.roles');
    else out[path] = message;
  }
  return out;
}

async function addPerson(deps: AuthDeps, req: Request, res: Response): Promise<void> {
  const t = res.locals.t;
  const { password, ...fields } = formStrings(req.body, PERSON_FIELDS);
  const values: PersonFormValues = { ...fields, roles: formList(req.body, 'roles') };
  const input = { ...values, entityId: values.entityId || null, ...(password ? { password } : {}) };
  const form = parseForm(personCreateSchema, input, t);
  if (!form.ok) return showPeople(deps, req, res.status(400), { form: { values, errors: personFormErrors(form.errors, t) } });
  try {
    const person = await createPerson(deps, form.data, actorOf(req));
    setFlash(res, 'people.flash.created', { params: { name: person.name } });
    res.redirect(303, '/admin/people');
  } catch (err) {
    if (!isAppError(err) || (err.code !== 'user.conflict' && err.details[0]?.path !== 'entityId')) throw err;
    const errors: FieldErrors = err.code === 'user.conflict' ? { email: t('people.error.emailTaken') } : { entityId: t('people.error.unknownEntity') };
    await showPeople(deps, req, res.status(err.status), { form: { values, errors } });
  }
}

export function peoplePages(deps: AuthDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/admin/people', admin, (req, res) => showPeople(deps, req, res));
  router.post('/admin/people', admin, (req, res) => addPerson(deps, req, res));

  router.post('/admin/people/:id/disable', admin, personAction(deps, async (person, req, res) => {
    const { changed } = await disableUser(deps, person.id, actorOf(req));
    setFlash(res, changed ? 'people.flash.disabled' : 'people.flash.unchanged', { params: { name: person.name }, kind: changed ? 'success' : 'info' });
    res.redirect(303, '/admin/people');
  }));

  router.post('/admin/people/:id/enable', admin, personAction(deps, async (person, req, res) => {
    const { changed } = await enableUser(deps, person.id, actorOf(req));
    setFlash(res, changed ? 'people.flash.enabled' : 'people.flash.unchanged', { params: { name: person.name }, kind: changed ? 'success' : 'info' });
    res.redirect(303, '/admin/people');
  }));

  router.post('/admin/people/:id/roles', admin, personAction(deps, async (person, req, res) => {
    const t = res.locals.t;
    const form = parseForm(roleChangeSchema, formStrings(req.body, ['role', 'action']), t);
    if (!form.ok) return showPeople(deps, req, res.status(400), { actionError: t('people.error.role') });
    const { role, action } = form.data;
    const changed = await changeRole(deps, person.id, role, action, actorOf(req));
    const key = !changed ? 'people.flash.unchanged' : action === 'add' ? 'people.flash.roleAdded' : 'people.flash.roleRemoved';
    setFlash(res, key, { params: { name: person.name, role: roleLabel(t, role) }, kind: changed ? 'success' : 'info' });
    res.redirect(303, '/admin/people');
  }));

  router.use(personPages(deps)); // /admin/people/:id: name, entity, category, password
  return router;
}

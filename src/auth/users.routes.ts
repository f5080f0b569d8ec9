import { Router } from 'express';
import { body } from '../shared/http.ts';
import { actorOf, requireRole } from './auth.guards.ts';
import { setPasswordByAdmin } from './passwords.usecases.ts';
import { noFieldsSchema, passwordSetSchema, roleChangeSchema } from './users-admin.schemas.ts';
import { createPerson, disableUser, enableUser, listPeople, personById, updatePerson } from './users-admin.usecases.ts';
import { changeRole, type AuthDeps } from './users.usecases.ts';


// Managing people is the admin's alone, reading the list included: it holds everyone's email, roles
// and status, which no other role needs for its work (the secretariat sees travellers on missions).
export function usersApiRouter(deps: AuthDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/api/users', admin, async (_req, res) => {
    res.json({ users: await listPeople(deps) });
  });

  router.post('/api/users', admin, async (req, res) => {
    res.status(201).json({ user: await createPerson(deps, req.body ?? {}, actorOf(req)) });
  });

  router.post('/api/users/:id/roles', admin, async (req, res) => {
    const userId = String(req.params.id);
    const { role, action } = body(req, roleChangeSchema);
    const changed = await changeRole(deps, userId, role, action, actorOf(req));
    res.json({ user: await personById(deps, userId), changed });
  });

  router.patch('/api/users/:id', admin, async (req, res) => {
    res.json(await updatePerson(deps, String(req.params.id), req.body ?? {}, actorOf(req)));
  });

  router.post('/api/users/:id/password', admin, async (req, res) => {
    const userId = String(req.params.id);
    await personById(deps, userId); // 404 before a 400: the address is wrong whatever the body
    const { password } = body(req, passwordSetSchema);
    res.json(await setPasswordByAdmin(deps, userId, password, actorOf(req)));
  });

  router.post('/api/users/:id/disable', admin, async (req, res) => {
    body(req, noFieldsSchema);
    const { user, changed } = await disableUser(deps, String(req.params.id), actorOf(req));
    res.json({ user, changed });
  });

  router.post('/api/users/:id/enable', admin, async (req, res) => {
    body(req, noFieldsSchema);
    const { user, changed } = await enableUser(deps, String(req.params.id), actorOf(req));
    res.json({ user, changed });
  });

  return router;
}

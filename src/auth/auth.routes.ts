import { Router } from 'express';
import { currentUser, requireUser } from './auth.guards.ts';

// Who am I: lets a script check its token, and a page's JavaScript learn the signed-in person.
export function authApiRouter(): Router {
  const router = Router();
  router.get('/api/me', requireUser, (req, res) => {
    res.json({ user: currentUser(req) });
  });
  return router;
}

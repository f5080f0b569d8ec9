import { Router } from 'express';
import { renderPage } from './render.ts';

// The dashboard: a placeholder the missions pages will replace with the person's missions.
export function homePages(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    if (!req.user) return res.redirect(303, '/sign-in');
    renderPage(res, 'home', { title: res.locals.t('home.title') });
  });
  return router;
}

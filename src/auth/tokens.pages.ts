import { Router, type Request, type Response } from 'express';
import { actorOf, requireUser, currentUser } from './auth.guards.ts';
import { parseForm, type FieldErrors } from '../web/forms.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { z } from 'zod';
import { tokenLabelSchema } from './auth.schemas.ts';
import { createApiToken, listApiTokensOf, revokeApiToken, type AuthDeps } from './users.usecases.ts';

const tokenFormSchema = z.strictObject({ label: tokenLabelSchema });

async function showTokens(deps: AuthDeps, req: Request, res: Response, extra: { values?: { label: string }; errors?: FieldErrors; newToken?: string }) {
  renderPage(res, 'account/tokens', {
    title: res.locals.t('tokens.title'),
    tokens: await listApiTokensOf(deps, currentUser(req).id),
    values: extra.values ?? { label: '' },
    errors: extra.errors ?? {},
    newToken: extra.newToken,
  });
}

// Personal API tokens: the clear token appears once, in the answer to the form that created it.
export function tokensPages(deps: AuthDeps): Router {
  const router = Router();

  router.get('/account/tokens', requireUser, (req, res) => showTokens(deps, req, res, {}));

  router.post('/account/tokens', requireUser, async (req, res) => {
    const user = currentUser(req);
    const form = parseForm(tokenFormSchema, req.body, res.locals.t);
    const label = typeof req.body?.label === 'string' ? req.body.label : '';
    if (!form.ok) return showTokens(deps, req, res.status(400), { values: { label }, errors: form.errors });
    const { token } = await createApiToken(deps, user.id, form.data.label, actorOf(req));
    await showTokens(deps, req, res.status(201), { newToken: token });
  });

  router.post('/account/tokens/:id/revoke', requireUser, async (req, res) => {
    const user = currentUser(req);
    const tokenId = String(req.params.id);
    if (await revokeApiToken(deps, user.id, tokenId, actorOf(req))) setFlash(res, 'tokens.revokedFlash');
    res.redirect(303, '/account/tokens');
  });

  return router;
}

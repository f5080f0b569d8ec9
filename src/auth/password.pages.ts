import { Router, type Request, type Response } from 'express';
import { setFlash } from '../web/flash.ts';
import { formStrings, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import type { Translate } from '../shared/i18n/index.ts';
import { clientIp, currentUser, requireUser } from './auth.guards.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from './auth.schemas.ts';
import { passwordChangeLimiter, type PasswordChangeLimiter } from './password-change-limiter.ts';
import { changeOwnPassword } from './passwords.usecases.ts';
import { hasPassword, type AuthDeps } from './users.usecases.ts';

// /account/password: the signed-in person changes their own password. Passwords are never written
// back into the page: a refused form comes back empty, with each message beside its field.

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

// The strength rule of passwordSchema (also used by `user add`, POST /api/users and the admin's
// form), with a message that names the field; then the second entry must repeat the first.
export function newPasswordErrors(newPassword: string, confirmPassword: string, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const issue = passwordSchema.safeParse(newPassword).error?.issues[0];
  if (issue) errors.newPassword = issue.code === 'too_big' ? t('password.error.newTooLong', { max: PASSWORD_MAX_LENGTH }) : t('password.error.newTooShort', { min: PASSWORD_MIN_LENGTH });
  if (!confirmPassword) errors.confirmPassword = t('password.error.confirmRequired');
  else if (!issue && confirmPassword !== newPassword) errors.confirmPassword = t('password.error.confirmMismatch');
  return errors;
}

async function showForm(deps: AuthDeps, req: Request, res: Response, errors: FieldErrors = {}): Promise<void> {
  renderPage(res, 'account/password', { title: res.locals.t('password.title'), hasPassword: await hasPassword(deps, currentUser(req).id), errors });
}

export function passwordPages(deps: AuthDeps & { passwordLimiter?: PasswordChangeLimiter }): Router {
  const router = Router();
  const limiter = deps.passwordLimiter ?? passwordChangeLimiter(deps.clock);

  router.get('/account/password', requireUser, (req, res) => showForm(deps, req, res));

  router.post('/account/password', requireUser, async (req, res) => {
    const t = res.locals.t;
    const { currentPassword, newPassword, confirmPassword } = formStrings(req.body, FIELDS);
    // In the order of the fields, so that the summary at the top lists them as the form shows them.
    const errors: FieldErrors = {};
    if (!currentPassword) errors.currentPassword = t('password.error.currentRequired');
    else if (currentPassword.length > PASSWORD_MAX_LENGTH) errors.currentPassword = t('password.error.currentWrong');
    Object.assign(errors, newPasswordErrors(newPassword, confirmPassword, t));
    if (Object.keys(errors).length) return showForm(deps, req, res.status(400), errors);

    const input = { userId: currentUser(req).id, currentPassword, newPassword, keepSessionId: req.authSession?.id ?? null, ip: clientIp(req) };
    const result = await changeOwnPassword({ ...deps, limiter }, input);
    switch (result.kind) {
      case 'changed':
        setFlash(res, 'password.flash.changed');
        return res.redirect(303, '/account/password');
      case 'rate_limited': {
        res.setHeader('Retry-After', String(result.retryAfterSeconds));
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        return showForm(deps, req, res.status(429), { currentPassword: t('password.error.rateLimited', { minutes }) });
      }
      case 'wrong_password':
        return showForm(deps, req, res.status(400), { currentPassword: t('password.error.currentWrong') });
      case 'same_password':
        return showForm(deps, req, res.status(400), { newPassword: t('password.error.newSame') });
      case 'no_password':
        return showForm(deps, req, res.status(409));
    }
  });

  return router;
}

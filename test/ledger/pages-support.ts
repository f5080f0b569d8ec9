import type { Role } from '../../src/auth/auth.types.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent, type SignedInAgent } from '../helpers/auth.ts';
import { trackLedger } from '../helpers/ledger-auditor.ts';

// The finance and admin pages in the real application (sign-in, CSRF, error pages), clock at
// 2026-11-27T10:00Z (27 November in Paris), each database audited after the test.
export function pagesApp() {
  const ctx = testApp();
  trackLedger(ctx.deps.database);
  return ctx;
}

export async function agentWith(ctx: Awaited<ReturnType<typeof pagesApp>>, roles: Role[], name?: string): Promise<SignedInAgent & { userId: string }> {
  const user = await createUser(ctx.deps.database, { roles, ...(name ? { name } : {}) });
  return { ...(await signedInAgent(ctx.app, user)), userId: user.id };
}

// A browser without JavaScript: flat string fields, with the form's CSRF token unless told otherwise.
export const postForm = (who: SignedInAgent, url: string, form: Record<string, string>, options: { csrf?: boolean } = {}) =>
  who.agent
    .post(url)
    .type('form')
    .send(options.csrf === false ? form : { _csrf: who.csrfToken, ...form });

// The message the page prints next to a field (`<p class="field__error" id="<field id>-error">`).
export const fieldError = (html: string, id: string): string | undefined => new RegExp(`id="${id}-error">([^<]+)<`).exec(html)?.[1]?.trim();

export const countRows = (ctx: Awaited<ReturnType<typeof pagesApp>>, table: string): number =>
  (ctx.deps.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

// fr-FR currency formatting: narrow no-break space between thousands, no-break space before €.
export const eurFr = (text: string): string => text.replace(/ (?=\d)/g, '\u202f').replace(/ €/, '\u00a0€');

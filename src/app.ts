import express, { type Express, type Request } from 'express';
import './messages.ts';
import type { AppDeps } from './deps.ts';
import { apiNotFound, jsonErrorHandler } from './shared/http.ts';
import { healthRouter } from './health/health.routes.ts';
import { placesRouter } from './places/places.routes.ts';
import { mountQuoteRoute } from './quote/quote.routes.ts';
import { factorsRouter } from './footprint/factors.routes.ts';
import { ledgerRouter } from './ledger/ledger.routes.ts';
import { authenticate } from './auth/auth.middleware.ts';
import { csrfProtection } from './auth/csrf.ts';
import { authApiRouter } from './auth/auth.routes.ts';
import { usersApiRouter } from './auth/users.routes.ts';
import { signInPages } from './auth/auth.pages.ts';
import { tokensPages } from './auth/tokens.pages.ts';
import { passwordPages } from './auth/password.pages.ts';
import { peoplePages } from './auth/people.pages.ts';
import { organisationPages } from './org/org.pages.ts';
import { orgRouter } from './org/org.routes.ts';
import { missionsModule } from './missions/missions.wiring.ts';
import { claimsModule } from './claims/claims.wiring.ts';
import { carbonPricesModule } from './carbon-prices/carbon-prices.wiring.ts';
import { approvalsModule } from './approvals/approvals.wiring.ts';
import { quotasModule } from './quotas/quotas.wiring.ts';
import { policiesModule } from './policies/policies.wiring.ts';
import { notificationsModule } from './notifications/notifications.wiring.ts';
import { openApiRouter } from './openapi/openapi.routes.ts';
import { receiptUploads } from './claims/receipts.upload.ts';
import { reportsModule } from './reports/reports.wiring.ts';
import { securityHeaders, staticAssets } from './web/security.ts';
import { language } from './web/language.ts';
import { homePages } from './web/home.pages.ts';
import { pageErrorHandler, pageNotFound } from './web/errors.ts';
import { requestLog } from './ops/request-log.ts';

export type { AppDeps } from './deps.ts';

// Wires routers only; every dependency comes in through `deps` so tests can build an app per case.
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger)); // first: every request gets an id and one log line
  app.use(securityHeaders(deps.config));
  // Assets need no session: served before authentication costs a database lookup.
  app.use('/assets', staticAssets());
  app.use(express.json({ limit: '256kb', strict: true }));
  // Open, anonymous and side-effect free (DESIGN §5): no session, language or CSRF work on the
  // hottest routes; the quote, hottest of all, first.
  mountQuoteRoute(app, deps);
  app.use(healthRouter(deps));
  app.use(placesRouter(deps));
  app.use(factorsRouter(deps));

  app.use(language(deps.config)); // cookies are read on demand (src/web/cookies.ts)
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(authenticate(deps));
  app.use(receiptUploads); // multipart receipts: their `_csrf` field is read like a form's
  app.use(csrfProtection(deps.config));

  app.use(ledgerRouter(deps));
  app.use(carbonPricesModule(deps));

  app.use(authApiRouter());
  app.use(usersApiRouter(deps));
  app.use(orgRouter(deps));
  app.use(approvalsModule(deps));
  app.use(quotasModule(deps));
  app.use(policiesModule(deps));
  app.use(notificationsModule(deps));
  app.use(openApiRouter());
  app.use(claimsModule(deps));
  app.use(missionsModule(deps));
  app.use(reportsModule(deps));
  app.use(signInPages(deps));
  app.use(tokensPages(deps));
  app.use(passwordPages(deps));
  app.use(peoplePages(deps));
  app.use(organisationPages(deps));
  app.use(homePages());

  app.use('/api', apiNotFound);
  app.use(pageNotFound);
  const logError = (err: unknown, req: Request) => (deps.logError ? deps.logError(err, req) : console.error(err));
  app.use(pageErrorHandler(logError));
  app.use(jsonErrorHandler(logError));
  return app;
}

import express, { type Express } from 'express';
import type { AuthenticatedUser, Role } from '../../src/auth/auth.types.ts';
import { testConfig, type Config } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Database } from '../../src/shared/db.ts';
import { jsonErrorHandler } from '../../src/shared/http.ts';
import { ledgerRouter } from '../../src/ledger/ledger.routes.ts';
import { ledgerDatabase } from '../helpers/ledger-auditor.ts';
import { NOW } from './fixture.ts';

export function user(roles: Role[]): AuthenticatedUser {
  return { id: `usr_${roles.join('_') || 'none'}`, email: 'x@mines-ales.fr', name: 'Test', roles, entityId: 'ent_1', category: 'staff', via: 'session' };
}

// The ledger router alone on a small app: a test middleware plays the signed-in user.
export async function ledgerApp(roles: Role[] | null, config: Partial<Config> = {}): Promise<{ app: Express; database: Database }> {
  const database = await ledgerDatabase({ allowNegativeEnvelope: config.EMPREINTE_ENVELOPE_ALLOW_NEGATIVE ?? false });
  const app = express();
  app.set('query parser', 'simple');
  app.use(express.json());
  app.use((req, _res, next) => {
    if (roles) req.user = user(roles);
    next();
  });
  app.use(ledgerRouter({ config: testConfig(config), database, clock: fixedClock(NOW) }));
  app.use(jsonErrorHandler((err) => console.error(err)));
  return { app, database };
}

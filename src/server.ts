import { loadConfig } from './config.ts';
import type { Database } from './shared/db.ts';
import { databaseLabel, openConfiguredDatabase } from './shared/open-database.ts';
import { systemClock } from './shared/clock.ts';
import { createApp } from './app.ts';
import { buildDeps, loadSettings } from './deps.ts';
import { firstStartHint } from './auth/first-start.ts';
import { loadPlaceIndex } from './places/places.data.ts';
import { ensureSchoolEnvelope } from './ledger/ledger.usecases.ts';
import { createLogger } from './ops/logger.ts';
import { acquireDatabaseLock, type HeldLock } from './ops/server-lock.ts';
import { gracefulShutdown } from './ops/shutdown.ts';
import { startDispatcher } from './notifications/dispatcher.ts';
import { smtpMailer } from './notifications/smtp-mailer.ts';

// How soon an instance on PostgreSQL sees a carbon price or a policy switch another instance set.
const SETTINGS_REFRESH_MS = 5_000;

const config = loadConfig();
const logger = createLogger(config);
// One server per SQLite file; `empreinte restore` takes the same lock (src/ops/server-lock.ts). On
// PostgreSQL several instances share the database: the transactions serialise what must be.
let lock: HeldLock | undefined;
let database: Database;
try {
  if (!config.EMPREINTE_DATABASE_URL && config.EMPREINTE_DB !== ':memory:') lock = acquireDatabaseLock(config.EMPREINTE_DB, 'server');
  database = await openConfiguredDatabase(config);
} catch (err) {
  logger.fatal({ err, database: databaseLabel(config) }, 'cannot start');
  lock?.release();
  process.exit(1);
}
// Reference data is loaded before listening: factor sets and rates when the deps are built (a
// broken file stops the start), the place index (~0.5 s) here, so the first quote is not the slow one.
const logError = (err: unknown, req?: { requestId?: string }) => logger.error({ err, reqId: req?.requestId }, 'unhandled error');
const deps = buildDeps({ config, database, clock: systemClock, logger, logError });
const app = createApp(deps);
loadPlaceIndex();
await loadSettings(deps);
const stopPriceRefresh = deps.prices.refreshEvery(SETTINGS_REFRESH_MS);
const stopPolicyRefresh = deps.policies.refreshEvery(SETTINGS_REFRESH_MS);
await ensureSchoolEnvelope(database, systemClock.now().toUTC().toISO()!);
// E-mail notices leave the outbox after their step committed (docs/notifications.md).
const mailer = config.EMPREINTE_SMTP_URL ? smtpMailer(config.EMPREINTE_SMTP_URL, config.EMPREINTE_MAIL_FROM) : null;
const stopDispatcher = startDispatcher(
  { database, clock: systemClock, mailer, log: (entry, message) => logger.info(entry, message) },
  config.EMPREINTE_NOTIFY_EVERY_MS,
  (err) => logger.error({ err }, 'notification dispatch'),
);

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ host: config.HOST, port: config.PORT, engine: database.engine, database: databaseLabel(config) }, `Empreinte listening on http://${config.HOST}:${config.PORT}`);
  firstStartHint(database).catch((err: unknown) => logger.error({ err }, 'first-start hint'));
});

gracefulShutdown(server, {
  logger,
  onClosed: async () => {
    stopPriceRefresh();
    stopPolicyRefresh();
    await stopDispatcher();
    mailer?.close();
    await database.close();
    lock?.release();
  },
});

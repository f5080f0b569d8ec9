import { loadConfig } from './config.ts';
import { openMigratedDatabase } from './shared/db.ts';
import { systemClock } from './shared/clock.ts';
import { createApp } from './app.ts';
import { buildDeps } from './deps.ts';
import { firstStartHint } from './auth/first-start.ts';
import { loadPlaceIndex } from './places/places.data.ts';
import { ensureSchoolEnvelope } from './ledger/ledger.usecases.ts';
import { createLogger } from './ops/logger.ts';
import { acquireDatabaseLock, type HeldLock } from './ops/server-lock.ts';
import { gracefulShutdown } from './ops/shutdown.ts';

const config = loadConfig();
const logger = createLogger(config);
// One server per database file; `empreinte restore` takes the same lock (src/ops/server-lock.ts).
let lock: HeldLock | undefined;
try {
  if (config.EMPREINTE_DB !== ':memory:') lock = acquireDatabaseLock(config.EMPREINTE_DB, 'server');
} catch (err) {
  logger.fatal({ err }, 'cannot start');
  process.exit(1);
}
const database = openMigratedDatabase(config.EMPREINTE_DB);
// Reference data is loaded before listening: factor sets and rates when the deps are built (a
// broken file stops the start), the place index (~0.5 s) here, so the first quote is not the slow one.
const logError = (err: unknown, req?: { requestId?: string }) => logger.error({ err, reqId: req?.requestId }, 'unhandled error');
const app = createApp(buildDeps({ config, database, clock: systemClock, logger, logError }));
loadPlaceIndex();
await ensureSchoolEnvelope(database, systemClock.now().toUTC().toISO()!);

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ host: config.HOST, port: config.PORT }, `Empreinte listening on http://${config.HOST}:${config.PORT}`);
  firstStartHint(database).catch((err: unknown) => logger.error({ err }, 'first-start hint'));
});

gracefulShutdown(server, {
  logger,
  onClosed: () => {
    database.sqlite.close();
    lock?.release();
  },
});

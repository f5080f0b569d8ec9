import { loadConfig } from './config.ts';
import { openMigratedDatabase } from './shared/db.ts';
import { systemClock } from './shared/clock.ts';
import { createApp } from './app.ts';
import { buildDeps } from './deps.ts';
import { firstStartHint } from './auth/first-start.ts';
import { loadPlaceIndex } from './places/places.data.ts';

const config = loadConfig();
const database = openMigratedDatabase(config.EMPREINTE_DB);
// Reference data is loaded before listening: factor sets and rates when the deps are built (a
// broken file stops the start), the place index (~0.5 s) here, so the first quote is not the slow one.
const app = createApp(buildDeps({ config, database, clock: systemClock }));
loadPlaceIndex();

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`Empreinte listening on http://${config.HOST}:${config.PORT} (database ${config.EMPREINTE_DB})`);
  firstStartHint(database);
});

function shutdown(signal: string): void {
  console.log(`${signal} received: finishing requests in flight`);
  server.close(() => {
    database.sqlite.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

// A server for the benchmarks, in its own process so the load generator does not share its event loop.
// Mode `bare`: a bare Express JSON route (the baseline). Mode `app`: the real app on an in-memory db.
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { buildDeps } from '../src/deps.ts';
import { testConfig } from '../src/config.ts';
import { openMigratedDatabase } from '../src/shared/db.ts';
import { systemClock } from '../src/shared/clock.ts';

const mode = process.argv[2] ?? 'app';

// The baseline parses the same JSON body and answers a JSON document of the same size as a real
// quote (serialised on each request, as res.json does), so the ratio measures the engine and the
// middleware, not the bytes on the wire.
function bareApp() {
  const answer = JSON.parse(readFileSync(new URL('./quote-answer.json', import.meta.url), 'utf8')) as unknown;
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/api/quote', (req, res) => {
    res.json(Array.isArray(req.body?.legs) ? answer : {});
  });
  return app;
}

const app = mode === 'bare' ? bareApp() : createApp(buildDeps({ config: testConfig(), database: openMigratedDatabase(':memory:'), clock: systemClock, logError: () => {} }));
const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));

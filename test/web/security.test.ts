import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { helmetFor, securityHeaders } from '../../src/web/security.ts';

// The replayed headers must be exactly those helmet itself sets, in both deployments (plain HTTP and TLS).
function headersOf(middleware: express.RequestHandler) {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  return request(app).get('/').expect(200);
}

const securityHeaderNames = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'etag', 'content-length', 'content-type', 'connection', 'keep-alive'].includes(name)));

describe('security headers', () => {
  for (const secure of [false, true]) {
    it(`replays exactly helmet's headers (${secure ? 'TLS' : 'plain HTTP'} deployment)`, async () => {
      const config = { EMPREINTE_SECURE_COOKIES: secure };
      const replayed = securityHeaderNames((await headersOf(securityHeaders(config))).headers);
      const direct = securityHeaderNames((await headersOf(helmetFor(config))).headers);
      expect(Object.keys(replayed).length).toBeGreaterThanOrEqual(10);
      expect(replayed).toEqual(direct);
      expect(String(replayed['content-security-policy']).includes('upgrade-insecure-requests')).toBe(secure);
    });
  }
});

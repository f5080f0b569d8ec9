import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp } from '../helpers/app.ts';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

// Every JSON route the app serves, read from Express's own router: the document cannot silently lag.
function apiRoutes(stack: Layer[], out: string[] = []): string[] {
  for (const layer of stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) if (layer.route.path.startsWith('/api/')) out.push(`${method} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
    } else if (layer.handle?.stack) apiRoutes(layer.handle.stack, out);
  }
  return out;
}

describe('GET /api/openapi.json', () => {
  const { app } = testApp();

  it('documents every /api route of the app (adding a route means one line in src/openapi/openapi.operations.ts)', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    const served = apiRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack).filter((r) => r !== 'get /api/openapi.json');
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('describes request bodies from the routes’ own zod schemas, strict where they are strict', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    const submit = doc.paths['/api/missions/{id}/submit'].post;
    expect(submit.requestBody.required).toBe(false); // {} is a valid body
    expect(submit.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(submit.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    const balances = doc.paths['/api/ledger/balances'].get.parameters.map((p: { name: string }) => p.name);
    expect(balances).toEqual(['asOf', 'format']);
    expect(doc.paths['/api/quote'].post.security).toEqual([]);
  });
});

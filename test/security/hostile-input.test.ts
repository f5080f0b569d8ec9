import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounter, startHostileTarget, type HostileTarget } from './hostile.fixture.ts';
import { specs, type HostileRequest, type Spec } from './hostile.specs.ts';

// 10,000 generated payloads, seeded (replay a failure with its seed and path from the report),
// split across every JSON endpoint and form: never a 5xx, always a structured error (the JSON error
// shape for /api, an HTML page for forms), and not one row written anywhere.

const SEED = 20_261_127;

let target: HostileTarget;
let rows: () => string;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  target = await startHostileTarget();
  rows = rowCounter(target.deps);
});
afterAll(async () => target?.close());

async function send(req: HostileRequest): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${target.baseUrl}${req.path}`, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function expectStructured(spec: Spec, req: HostileRequest, res: { status: number; type: string; text: string }): void {
  const where = `${spec.name} (${req.note}) → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  const ok = spec.okStatuses ?? [];
  const readOnly = req.method === 'GET' || spec.name === 'POST /api/quote';
  if (spec.kind === 'api') {
    if (readOnly && res.status < 300) return; // a valid query or quote: answered
    expect(res.status, where).toBeGreaterThanOrEqual(400);
    expect(res.type, where).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    expect(Array.isArray(body.error?.details), where).toBe(true);
  } else {
    if (!ok.includes(res.status)) expect(res.status, where).toBeGreaterThanOrEqual(400);
    if (res.status !== 303) {
      expect(res.type, where).toMatch(/^text\/html/);
      expect(res.text, where).toMatch(/^<!doctype html>/i);
    }
  }
}

describe('hostile input: 10,000 generated payloads at every JSON endpoint and form', () => {
  it('covers 10,000 payloads in all', () => {
    expect(specs.reduce((n, s) => n + s.runs, 0)).toBe(10_000);
  });

  specs.forEach((spec, index) => {
    it(`${spec.name}: ${spec.runs} payloads`, async () => {
      await fc.assert(
        fc.asyncProperty(spec.request(target), async (req) => {
          const before = rows();
          const res = await send(req);
          expectStructured(spec, req, res);
          expect(rows(), `${spec.name} (${req.note}) wrote rows`).toBe(before);
        }),
        { seed: SEED + index, numRuns: spec.runs },
      );
    });
  });

  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, typeof probe.toString]).toEqual([undefined, undefined, 'function']);
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('GET /api/places', () => {
  const { app } = testApp();

  it('suggests places, Alès first for "ales"', async () => {
    const res = await request(app).get('/api/places').query({ q: 'ales' }).expect(200);
    expect(res.body.places[0]).toMatchObject({ kind: 'city', label: 'Alès, FR', countryCode: 'FR' });
    expect(res.body.places.length).toBeLessThanOrEqual(10);
    expect(typeof res.body.places[0].score).toBe('number');
  });

  it('honours limit and kind', async () => {
    const res = await request(app).get('/api/places').query({ q: 'mont', limit: '3', kind: 'airport' }).expect(200);
    expect(res.body.places).toHaveLength(3);
    for (const p of res.body.places) expect(p.kind).toBe('airport');
  });

  it('answers 400 naming q when it is missing, empty or too long', async () => {
    for (const q of [undefined, '   ', 'x'.repeat(101)]) {
      const res = await request(app).get('/api/places').query(q === undefined ? {} : { q }).expect(400);
      expect(res.body.error.code).toBe('validation.invalid');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('q');
    }
  });

  it('answers 400 for a bad limit or kind', async () => {
    const limit = await request(app).get('/api/places').query({ q: 'ales', limit: '26' }).expect(400);
    expect(limit.body.error.details[0].path).toBe('limit');
    const kind = await request(app).get('/api/places').query({ q: 'ales', kind: 'station' }).expect(400);
    expect(kind.body.error.details[0].path).toBe('kind');
  });
});

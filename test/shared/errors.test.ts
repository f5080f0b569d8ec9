import { describe, expect, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocateRounded } from '../../src/costs/rounding.models.ts';
import { declareErrors, declareTexts, describeError, InvariantError } from '../../src/shared/errors.ts';
import { jsonErrorHandler } from '../../src/shared/http.ts';
import { anyOf, catalogue, localeLang } from '../../src/shared/i18n/index.ts';
import { missionErrors, missionStateTexts } from '../../src/missions/missions.errors.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';

describe('declared errors', () => {
  it('take their status from the declaration, never from the code’s wording', () => {
    const probe = declareErrors('probe', { odd: { code: 'probe.not_found', status: 409, fr: 'Sonde {n}', en: 'Probe {n}' } });
    const err = probe.odd({ n: 7 });
    expect([err.status, err.code, err.message]).toEqual([409, 'probe.not_found', 'Probe 7']);
    expect(describeError(err, 'fr').message).toBe('Sonde 7');
  });

  it('word nested texts and "a, b or c" lists in the reader’s language', () => {
    const texts = declareTexts('probe.list', { wrap: { fr: 'il faut {what}', en: 'it must be {what}' } });
    const three = texts.wrap({ what: anyOf([missionStateTexts.draft(), missionStateTexts.submitted(), missionStateTexts.validated()]) });
    const err = missionErrors.stale({}, [{ path: 'x', message: 'english', text: three }]);
    expect(describeError(err, 'fr').details).toEqual([{ path: 'x', message: 'il faut brouillon, soumise ou validée' }]);
    expect(describeError(err, 'en').details).toEqual([{ path: 'x', message: 'it must be draft, submitted or validated' }]);
  });

  it('have a French and an English wording for every key', () => {
    const errorKeys = (lang: 'fr' | 'en') => Object.keys(catalogue(lang)).filter((k) => k.startsWith('error.') || k.startsWith('text.')).sort();
    expect(errorKeys('fr').length).toBeGreaterThan(100);
    expect(errorKeys('en')).toEqual(errorKeys('fr'));
  });

  it('are the only way the code builds an AppError (lint) and no status is inferred any more', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/shared/errors.ts'), 'utf8');
    expect(source).not.toMatch(/statusForCode|statusBySuffix/);
    const files = readdirSync(join(import.meta.dirname, '../../src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.errors.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
});

describe('errors at the HTTP edge', () => {
  it('answer in the request’s language: French by default, English with ?lang=en or the page’s choice', async () => {
    const { app, deps } = testApp();
    const staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'] }));
    const french = await request(app).get('/api/missions/msn_nowhere').set('Authorization', staff).expect(404);
    expect(french.body.error).toEqual({ code: 'mission.not_found', message: 'Mission introuvable.', details: [] });
    const english = await request(app).get('/api/missions/msn_nowhere?lang=en').set('Authorization', staff).expect(404);
    expect(english.body.error.message).toBe('Mission not found.');
    const bad = await request(app).post('/api/missions?lang=en').set('Authorization', staff).send({ purpose: 'holiday' }).expect(400);
    expect(bad.body.error.message).toMatch(/^Invalid request body: /);
  });

  it('turn a broken invariant into a logged 500 internal.error, never a 400 with the internal message', async () => {
    const logged: unknown[] = [];
    const app = express();
    app.get('/boom', () => allocateRounded([1, 2], 0));
    app.use(jsonErrorHandler((err) => logged.push(err)));
    const res = await request(app).get('/boom').expect(500);
    expect(res.body.error.code).toBe('internal.error');
    expect(JSON.stringify(res.body)).not.toMatch(/denominator/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toBeInstanceOf(InvariantError);
  });
});

describe('the command line’s language', () => {
  it('is French unless the locale asks for English', () => {
    expect(localeLang({})).toBe('fr');
    expect(localeLang({ LANG: 'C.UTF-8' })).toBe('fr');
    expect(localeLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(localeLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(localeLang({ LANG: 'en_GB.UTF-8', LC_ALL: 'fr_FR.UTF-8' })).toBe('fr');
  });
});

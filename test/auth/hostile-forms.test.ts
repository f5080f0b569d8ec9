import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/auth/auth.models.ts';
import { testApp } from '../helpers/app.ts';
import { createUser } from '../helpers/auth.ts';
import { csrfFrom } from './support.ts';

describe('hostile input on the sign-in form', () => {
  it('answers malformed forms with 4xx pages, never a 500', async () => {
    const { app, deps } = testApp();
    await createUser(deps.database, { email: 'a@example.org' });
    const agent = request.agent(app);
    const token = csrfFrom((await agent.get('/sign-in')).text);
    const post = (body: string) => agent.post('/sign-in').type('form').send(body);
    const manyFields = Array.from({ length: 1200 }, (_, i) => `k${i}=v`).join('&');
    expect((await post(`${manyFields}&_csrf=${token}`)).status).toBe(413);
    expect((await post(`email=a@example.org&email=b&password=x&_csrf=${token}`)).status).toBe(400);
    expect((await post(`__proto__=x&constructor=y&email=a%40example.org&password=%ZZ&_csrf=${token}`)).status).toBe(401);
    expect((await post(`email=${'a'.repeat(300)}&password=x&_csrf=${token}`)).status).toBe(400);
    expect((await post(`x=${'a'.repeat(70_000)}`)).status).toBe(413);
    expect((await agent.post('/sign-in').set('content-type', 'application/x-www-form-urlencoded; charset=koi8-r').send('a=b')).status).toBe(415);
  });

  it('only follows `next` paths on this site', () => {
    expect(safeNextPath('/missions?status=submitted')).toBe('/missions?status=submitted');
    for (const hostile of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, ['/a']]) {
      expect(safeNextPath(hostile)).toBe('/');
    }
  });
});

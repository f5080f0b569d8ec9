import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { montreal } from './hostile.fixture.ts';

// Names are data, never code: a spreadsheet must not run a cell as a formula, a browser must not run
// a name as markup, a PDF must print it as typed.
const names = {
  entity: '<script>alert("entité")</script>',
  lineCode: '=1+1',
  lineLabel: '<b>gras</b>',
  project: '@<i>haie</i>',
  memo: '-2+3 <u>souligné</u>',
  justification: "<script>alert('justif')</script> & co",
  traveller: '<img src=x onerror=alert(1)>',
};

async function seed() {
  const { app, deps } = testApp();
  const admin = await createUser(deps.database, { roles: ['admin'] });
  const adminBearer = await bearerFor(deps.database, admin);
  const entity = (await request(app).post('/api/entities').set('Authorization', adminBearer).send({ name: names.entity, kind: 'lab' }).expect(201)).body.entity;
  const line = (await request(app).post('/api/budget-lines').set('Authorization', adminBearer).send({ entityId: entity.id, code: names.lineCode, label: names.lineLabel }).expect(201)).body.budgetLine;
  const traveller = await createUser(deps.database, { roles: ['staff'], entityId: entity.id, name: names.traveller });
  const desk = await createUser(deps.database, { roles: ['secretariat', 'finance'], entityId: entity.id });
  const staff = await bearerFor(deps.database, traveller);
  const deskBearer = await bearerFor(deps.database, desk);
  const mission = (await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'conference', budgetLineId: line.id, justification: names.justification, trip: montreal }).expect(201)).body;
  await request(app).post(`/api/missions/${mission.id}/submit`).set('Authorization', staff).send({}).expect(200);
  await request(app).post(`/api/missions/${mission.id}/validate`).set('Authorization', deskBearer).send({}).expect(200);
  const project = (await request(app).post('/api/ledger/projects').set('Authorization', deskBearer).send({ name: names.project, scope: 'internal' }).expect(201)).body.project;
  await request(app).post('/api/ledger/disbursements').set('Authorization', deskBearer).send({ projectId: project.id, amountCents: 1_000, memo: names.memo }).expect(201);
  return { app, deps, mission, project, line, desk, traveller, deskBearer };
}

const csvRows = (text: string) => parse(text, { delimiter: ';', bom: true, columns: true, relax_column_count: false }) as Array<Record<string, string>>;
const formulaStart = /^[=+\-@\t\r]/;
const year = 'from=2026-01-01&to=2026-12-31';

describe('CSV exports neutralise formulas', () => {
  it('prefixes every text cell starting with = + - @ with an apostrophe, in statements and balances', async () => {
    const { app, deskBearer, line } = await seed();
    const statement = await request(app).get(`/api/ledger/statement?account=envelope:school&${year}&format=csv`).set('Authorization', deskBearer).expect(200);
    const lines = csvRows(statement.text);
    const counterparties = lines.map((r) => r.Contrepartie!);
    expect(counterparties).toContain(`'${names.lineCode} — ${names.lineLabel}`);
    expect(counterparties).toContain(`'${names.project}`);
    expect(lines.map((r) => r['Libellé'])).toContain(`'${names.memo}`);
    for (const row of lines) for (const column of ['Libellé', 'Contrepartie', 'Cause', 'Écriture']) expect(row[column], column).not.toMatch(formulaStart);

    const balances = csvRows((await request(app).get('/api/ledger/balances?format=csv').set('Authorization', deskBearer).expect(200)).text);
    expect(balances.map((r) => r.Nom)).toEqual(expect.arrayContaining([`'${names.lineCode} — ${names.lineLabel}`, `'${names.project}`]));
    for (const row of balances) for (const column of ['Nom', 'Référence', 'Compte', 'Entité']) expect(row[column], column).not.toMatch(formulaStart);
    // The budget line's own statement: its name heads nothing executable either.
    const own = csvRows((await request(app).get(`/api/ledger/statement?account=budget_line:${line.id}&${year}&format=csv`).set('Authorization', deskBearer).expect(200)).text);
    expect(own.length).toBeGreaterThan(2);
  });
});

describe('HTML in names', () => {
  it('is escaped in every page that shows it: mission detail, secretariat queue, mission form, finance, navigation', async () => {
    const { app, mission, desk, traveller } = await seed();
    const travellerAgent = await signedInAgent(app, traveller);
    const deskAgent = await signedInAgent(app, desk);
    const pages = [
      (await travellerAgent.agent.get(`/missions/${mission.id}`).expect(200)).text,
      (await travellerAgent.agent.get('/missions/new').expect(200)).text,
      (await travellerAgent.agent.get('/missions').expect(200)).text,
      (await deskAgent.agent.get('/secretariat?status=').expect(200)).text,
      (await deskAgent.agent.get('/finance').expect(200)).text,
    ];
    const all = pages.join('\n');
    for (const raw of [names.entity, names.lineLabel, names.project, names.memo, names.justification, names.traveller, '<script>alert', '<img src=x']) expect(all).not.toContain(raw);
    // …and shown as text, escaped, where they belong.
    expect(pages[0]).toContain('&lt;script&gt;alert(&#39;justif&#39;)&lt;/script&gt; &amp; co');
    expect(pages[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pages[1]).toContain('&lt;b&gt;gras&lt;/b&gt;');
    expect(pages[3]).toContain('&lt;script&gt;alert(&quot;entité&quot;)&lt;/script&gt;');
    expect(pages[4]).toContain('@&lt;i&gt;haie&lt;/i&gt;');
  });

  it('prints names literally in the statement PDF: the markup is text, not formatting', async () => {
    const { app, deskBearer } = await seed();
    const res = await request(app).get(`/api/ledger/statement?account=envelope:school&${year}&format=pdf`).set('Authorization', deskBearer).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const parser = new PDFParse({ data: new Uint8Array(res.body as Buffer) });
    try {
      const { text } = await parser.getText();
      expect(text).toContain(names.memo);
      expect(text).toContain(names.project);
      expect(text).toContain(`${names.lineCode} — ${names.lineLabel}`);
    } finally {
      await parser.destroy();
    }
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { findReversalOf, findTransferByKey } from '../../src/ledger/ledger.repository.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { balancesByRef, contribution } from './fixture.ts';
import { agentWith, countRows, eurFr, fieldError, pagesApp, postForm } from './pages-support.ts';

installLedgerAuditor();

const envelopeId = (ctx: Awaited<ReturnType<typeof pagesApp>>) =>
  (ctx.deps.database.sqlite.prepare(`select id from ledger_accounts where ref = 'envelope:school'`).get() as { id: string }).id;

// The envelope's row of the balances table: name, kind, balance.
const envelopeRow = (html: string) => /<th scope="row">Enveloppe de compensation \(école\)<\/th>\s*<td>Enveloppe<\/td>\s*<td class="num">[^<]*<\/td>/.exec(html)?.[0] ?? '';

describe('/finance: who may see it', () => {
  it('is for finance and admin, read-only for copil, refused to others, sign-in first when anonymous', async () => {
    const ctx = pagesApp();
    const anonymous = await request(ctx.app).get('/finance').expect(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Ffinance');
    await (await agentWith(ctx, ['staff'])).agent.get('/finance').expect(403);
    await (await agentWith(ctx, ['secretariat'])).agent.get('/finance').expect(403);

    const finance = (await (await agentWith(ctx, ['finance'])).agent.get('/finance').expect(200)).text;
    expect(finance).toContain('action="/finance/projects"');
    expect(finance).toContain('<h2 id="disbursement">Verser à un projet</h2>');
    expect(finance).toMatch(/href="\/finance" aria-current="page"/);
    expect(finance).not.toContain('href="/admin"');

    const copil = (await (await agentWith(ctx, ['copil'])).agent.get('/finance').expect(200)).text;
    expect(copil).toContain('Consultation seule');
    expect(copil).toContain('action="/finance/statement"');
    expect(copil).not.toContain('action="/finance/projects"');
    expect(copil).not.toContain('/reverse"');

    const admin = (await (await agentWith(ctx, ['admin'])).agent.get('/finance').expect(200)).text;
    expect(admin).toContain('action="/finance/projects"');
    expect(admin).toContain('href="/admin"');
  });
});

describe('/finance: balances and statements', () => {
  it('shows every balance as of a Paris day, in euros written the French way', async () => {
    const ctx = pagesApp();
    await bookMissionContribution(ctx.deps.database, contribution('m1', { at: '2026-02-10T09:00:00Z', amountCents: 123_456_789 }));
    const finance = await agentWith(ctx, ['finance']);
    // 123 456 789 c = 1 234 567,89 €, credited to the envelope and debited from the budget line.
    const today = (await finance.agent.get('/finance').expect(200)).text;
    expect(today).toContain('value="2026-11-27"');
    expect(today).toContain('Soldes au 27 nov. 2026 au soir');
    expect(today).toContain(eurFr('1 234 567,89 €'));
    expect(today).toContain(eurFr('-1 234 567,89 €'));
    expect(today).toContain('href="/api/ledger/balances?asOf=2026-11-27&amp;format=csv"');
    const before = (await finance.agent.get('/finance?asOf=2026-02-09').expect(200)).text;
    expect(envelopeRow(before)).toContain(eurFr('<td class="num">0,00 €</td>'));
    expect(envelopeRow(today)).toContain(eurFr('<td class="num">1 234 567,89 €</td>'));
    const english = (await finance.agent.get('/finance?lang=en').expect(200)).text;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('€1,234,567.89');
  });

  it('puts an impossible date next to its field', async () => {
    const ctx = pagesApp();
    const finance = await agentWith(ctx, ['finance']);
    const res = await finance.agent.get('/finance?asOf=2026-02-30').expect(400);
    expect(fieldError(res.text, 'balances-asOf')).toBe('Valeur invalide.');
    expect(res.text).toContain('value="2026-02-30"');
    // An emptied field means today.
    expect((await finance.agent.get('/finance?asOf=').expect(200)).text).toContain('value="2026-11-27"');
  });

  it('sends a valid statement form on to the CSV and PDF exports, and shows a bad period next to its field', async () => {
    const ctx = pagesApp();
    await bookMissionContribution(ctx.deps.database, contribution('m1', { at: '2026-02-10T09:00:00Z', amountCents: 2_500 }));
    const finance = await agentWith(ctx, ['finance']);
    const account = envelopeId(ctx);
    const period = { account, from: '2026-01-01', to: '2026-12-31' };
    const csv = await finance.agent.get('/finance/statement').query({ ...period, format: 'csv' }).expect(303);
    expect(csv.headers.location).toBe(`/api/ledger/statement?account=${account}&from=2026-01-01&to=2026-12-31&format=csv`);
    const file = await finance.agent.get(String(csv.headers.location)).expect(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.text).toContain(';25,00;');
    const pdf = await finance.agent.get('/finance/statement').query({ ...period, format: 'pdf' }).expect(303);
    expect(pdf.headers.location).toMatch(/&format=pdf$/);

    const reversed = await finance.agent.get('/finance/statement').query({ ...period, from: '2026-12-31', to: '2026-01-01', format: 'csv' }).expect(400);
    expect(fieldError(reversed.text, 'statement-to')).toBe('La date de fin doit être le même jour que la date de début ou après.');
    const unknown = await finance.agent.get('/finance/statement').query({ ...period, account: 'acc_nope', format: 'csv' }).expect(400);
    expect(fieldError(unknown.text, 'statement-account')).toBe('Choisissez un compte de la liste.');
  });
});

describe('/finance: projects, disbursements, reversals', () => {
  it('creates a project, escaping its name, and refuses a second one with the same name next to the field', async () => {
    const ctx = pagesApp();
    const finance = await agentWith(ctx, ['finance']);
    const name = 'Vélos <b>cargo</b>';
    const created = await postForm(finance, '/finance/projects', { name, scope: 'territory', description: 'Flotte <i>partagée</i>' }).expect(303);
    expect(created.headers.location).toBe('/finance#projects');
    const page = (await finance.agent.get('/finance').expect(200)).text;
    expect(page).toContain('Vélos &lt;b&gt;cargo&lt;/b&gt;');
    expect(page).toContain('Flotte &lt;i&gt;partagée&lt;/i&gt;');
    expect(page).not.toContain('<b>cargo</b>');
    expect(page).toContain('<td>Territoire</td>');

    const again = await postForm(finance, '/finance/projects', { name, scope: 'internal' }).expect(409);
    expect(fieldError(again.text, 'project-name')).toBe('Un projet porte déjà ce nom.');
    expect(again.text).toContain('value="Vélos &lt;b&gt;cargo&lt;/b&gt;"');
    const empty = await postForm(finance, '/finance/projects', { name: ' ', scope: 'internal' }).expect(400);
    expect(fieldError(empty.text, 'project-name')).toBe('Ce champ est obligatoire.');
    expect(countRows(ctx, 'reinvestment_projects')).toBe(1);
  });

  it('books a disbursement typed with a decimal comma once, and shows an overdraft next to the amount', async () => {
    const ctx = pagesApp();
    await bookMissionContribution(ctx.deps.database, contribution('m1', { amountCents: 10_000 }));
    const finance = await agentWith(ctx, ['finance']);
    await postForm(finance, '/finance/projects', { name: 'Vélos', scope: 'internal' }).expect(303);
    const projectId = (ctx.deps.database.sqlite.prepare('select id from reinvestment_projects').get() as { id: string }).id;
    const form = { projectId, amount: '12,34', co2e: '1,5', memo: 'Acompte', _idem: 'form-key-1' };

    await postForm(finance, '/finance/disbursements', form).expect(303);
    // A double click sends the same form key: booked once.
    await postForm(finance, '/finance/disbursements', form).expect(303);
    const transfer = await findTransferByKey(ctx.deps.database.db, 'disbursement:form-key-1');
    expect(transfer).toMatchObject({ amountCents: 1_234, co2eGrams: 1_500, memo: 'Acompte', causeKind: 'disbursement' });
    // Envelope: 10 000 − 1 234 = 8 766 c; the project received 1 234 c.
    expect(await balancesByRef(ctx.deps.database)).toMatchObject({ 'envelope:school': 8_766, [`project:${projectId}`]: 1_234 });
    const transfersBefore = countRows(ctx, 'ledger_transfers');

    // 87,67 € = 8 767 c, one cent more than the 8 766 c left.
    const overdraft = await postForm(finance, '/finance/disbursements', { ...form, amount: '87,67', _idem: 'form-key-2' }).expect(409);
    expect(fieldError(overdraft.text, 'disbursement-amount')).toBe(`Solde insuffisant : ${eurFr('87,66 €')} disponibles, ${eurFr('87,67 €')} demandés.`);
    expect(overdraft.text).toContain('value="87,67"');
    const tooPrecise = await postForm(finance, '/finance/disbursements', { ...form, amount: '12,345', _idem: 'form-key-3' }).expect(400);
    expect(fieldError(tooPrecise.text, 'disbursement-amount')).toMatch(/^Saisissez un montant en euros/);
    const noProject = await postForm(finance, '/finance/disbursements', { ...form, projectId: 'prj_nope', _idem: 'form-key-4' }).expect(400);
    expect(fieldError(noProject.text, 'disbursement-project')).toBe('Choisissez un projet de la liste.');
    expect(countRows(ctx, 'ledger_transfers')).toBe(transfersBefore);
  });

  it('reverses a transfer with a reason, and refuses without one or when the money is spent', async () => {
    const ctx = pagesApp();
    const spent = (await bookMissionContribution(ctx.deps.database, contribution('m1', { amountCents: 5_000 })))!;
    const kept = (await bookMissionContribution(ctx.deps.database, contribution('m2', { amountCents: 3_000 })))!;
    const finance = await agentWith(ctx, ['finance']);
    await postForm(finance, '/finance/projects', { name: 'Vélos', scope: 'internal' }).expect(303);
    const projectId = (ctx.deps.database.sqlite.prepare('select id from reinvestment_projects').get() as { id: string }).id;
    // Envelope 8 000 c; after paying 5 000 c, 3 000 c remain: enough to reverse the 3 000 c contribution,
    // not the 5 000 c one.
    await postForm(finance, '/finance/disbursements', { projectId, amount: '50', memo: 'Achat', _idem: 'k' }).expect(303);

    const noReason = await postForm(finance, `/finance/transfers/${kept.id}/reverse`, { reason: '' }).expect(400);
    expect(fieldError(noReason.text, `reason-${kept.id}`)).toBe('Ce champ est obligatoire.');
    const overdraw = await postForm(finance, `/finance/transfers/${spent.id}/reverse`, { reason: 'saisie en double' }).expect(409);
    expect(fieldError(overdraw.text, `reason-${spent.id}`)).toBe(`Solde insuffisant : ${eurFr('30,00 €')} disponibles, ${eurFr('50,00 €')} demandés.`);
    expect(await findReversalOf(ctx.deps.database.db, spent.id)).toBeUndefined();

    await postForm(finance, `/finance/transfers/${kept.id}/reverse`, { reason: 'mission annulée hors outil' }).expect(303);
    expect(await findReversalOf(ctx.deps.database.db, kept.id)).toMatchObject({ amountCents: 3_000, causeKind: 'correction', memo: `Annulation de ${kept.id} : mission annulée hors outil` });
    // 8 000 − 5 000 paid − 3 000 reversed = 0.
    expect((await balancesByRef(ctx.deps.database))['envelope:school']).toBe(0);
    const page = (await finance.agent.get('/finance').expect(200)).text;
    expect(page).toContain('L’écriture est annulée par une écriture inverse.');
    expect(page).not.toContain(`action="/finance/transfers/${kept.id}/reverse"`);
    expect(page).toContain(`action="/finance/transfers/${spent.id}/reverse"`);

    const copil = await agentWith(ctx, ['copil']);
    await postForm(copil, `/finance/transfers/${spent.id}/reverse`, { reason: 'pas mon rôle' }).expect(403);
  });

  it('refuses every form without its CSRF token and writes nothing', async () => {
    const ctx = pagesApp();
    const first = (await bookMissionContribution(ctx.deps.database, contribution('m1', { amountCents: 5_000 })))!;
    const admin = await agentWith(ctx, ['admin']);
    const before = ['ledger_transfers', 'reinvestment_projects', 'carbon_prices'].map((t) => countRows(ctx, t));
    await postForm(admin, '/finance/projects', { name: 'Vélos', scope: 'internal' }, { csrf: false }).expect(403);
    await postForm(admin, '/finance/disbursements', { projectId: 'prj_x', amount: '1', memo: 'x' }, { csrf: false }).expect(403);
    await postForm(admin, `/finance/transfers/${first.id}/reverse`, { reason: 'sans jeton' }, { csrf: false }).expect(403);
    await postForm(admin, '/admin/carbon-prices', { year: '2027', price: '80' }, { csrf: false }).expect(403);
    const refused = await postForm(admin, '/finance/projects', { name: 'Vélos', scope: 'internal', _csrf: 'forged' }, { csrf: false }).expect(403);
    expect(refused.text).toContain('Le formulaire a expiré');
    expect(['ledger_transfers', 'reinvestment_projects', 'carbon_prices'].map((t) => countRows(ctx, t))).toEqual(before);
  });
});

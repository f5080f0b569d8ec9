import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { createProject, disburse } from '../../src/ledger/finance.usecases.ts';
import { contentHash } from '../../src/ledger/ledger-format.models.ts';
import { statementCsv } from '../../src/ledger/ledger-csv.export.ts';
import { statementPdf } from '../../src/ledger/ledger-pdf.export.ts';
import { accountStatement } from '../../src/ledger/statement.usecases.ts';
import { installLedgerAuditor, ledgerDatabase } from '../helpers/ledger-auditor.ts';
import { contribution, ledgerDeps } from './fixture.ts';

installLedgerAuditor();

const nastyMemos = ['=HYPERLINK("http://x")', '+33 6 12 34', '-2+3', '@SUM(1)', '\tcaché', 'point-virgule ; et "guillemets"', 'Forêt d’Alès : été, ça pousse'];

// Envelope: +20 000 (m1) +3 333 (m2), then 7 disbursements of 1 000 each with the memos above.
async function ledgerWithNastyMemos(): Promise<Database> {
  const database = await ledgerDatabase();
  await bookMissionContribution(database, contribution('m1', { amountCents: 20_000, co2eGrams: 2_000_000, at: '2026-04-01T08:00:00Z' }));
  await bookMissionContribution(database, contribution('m2', { amountCents: 3_333, co2eGrams: 333_300, at: '2026-04-02T08:00:00Z', budgetLineId: 'bgl_x', budgetLineName: '=1+1' }));
  const deps = ledgerDeps(database, {}, '2026-05-01T08:00:00Z');
  const project = await createProject(deps, { name: 'Haies champêtres', scope: 'territory', description: null }, 'usr_f');
  for (const memo of nastyMemos) await disburse(deps, { projectId: project.id, amountCents: 1_000, co2eGrams: 0, memo, entityId: null, idempotencyKey: null }, 'usr_f');
  return database;
}

const year = { account: 'envelope:school', from: '2026-01-01', to: '2026-12-31' };
const cents = (text: string): number => (text === '' ? 0 : Math.round(Number(text.replace(',', '.')) * 100));

describe('statement CSV', () => {
  it('parses back with BOM, `;`, decimal comma, ISO dates, one header row, neutralised text', async () => {
    const statement = await accountStatement(await ledgerWithNastyMemos(), year);
    const csv = statementCsv(statement);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual(['Date', 'Horodatage (UTC)', 'Écriture', 'Nature', 'Cause', 'Libellé', 'Contrepartie', 'Débit (€)', 'Crédit (€)', 'Solde (€)', 'CO2e (kg)']);
    // opening + 9 transfers + closing
    expect(records).toHaveLength(11);
    expect(records.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.Date!))).toBe(true);
    expect(records[1]).toMatchObject({ Date: '2026-04-01', 'Horodatage (UTC)': '2026-04-01T08:00:00.000Z', 'Crédit (€)': '200,00', 'Solde (€)': '200,00', 'CO2e (kg)': '2000,000' });
    expect(records[2]!.Contrepartie).toBe("'=1+1");
    expect(records.slice(3, 10).map((r) => r['Libellé'])).toEqual([
      '\'=HYPERLINK("http://x")',
      "'+33 6 12 34",
      "'-2+3",
      "'@SUM(1)",
      "'\tcaché",
      'point-virgule ; et "guillemets"',
      'Forêt d’Alès : été, ça pousse',
    ]);
    // 200,00 + 33,33 − 7 × 10,00 = 163,33
    expect(records.at(-1)).toMatchObject({ Nature: 'Solde de clôture', 'Débit (€)': '70,00', 'Crédit (€)': '233,33', 'Solde (€)': '163,33' });
    const lines = records.slice(1, -1);
    const net = lines.reduce((sum, r) => sum + cents(r['Crédit (€)']!) - cents(r['Débit (€)']!), 0);
    expect(net).toBe(statement.closingBalanceCents - statement.openingBalanceCents);
    expect(lines.map((r) => r['Solde (€)'])).toEqual(statement.lines.map((l) => (l.balanceAfterCents / 100).toFixed(2).replace('.', ',')));
  });

  it('starts a later period from the right opening balance', async () => {
    const statement = await accountStatement(await ledgerWithNastyMemos(), { ...year, from: '2026-04-02' });
    // Before 2 April only m1 counted: 20 000.
    expect(statement.openingBalanceCents).toBe(20_000);
    expect(statement.lines).toHaveLength(8);
    expect(statement.closingBalanceCents).toBe(16_333);
  });
});

async function pdfText(pdf: Buffer): Promise<{ text: string; total: number; pages: string[] }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, total: result.total, pages: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

describe('statement PDF', () => {
  it('prints a long statement over several pages with repeated headers, page numbers, date and hash', async () => {
    const database = await ledgerDatabase();
    for (let i = 0; i < 130; i += 1) await bookMissionContribution(database, contribution(`m${i}`, { amountCents: 100 + i, at: `2026-06-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z` }));
    const statement = await accountStatement(database, year);
    const pdf = await statementPdf(statement, DateTime.fromISO('2026-11-27T10:00:00Z'));
    const { text, total, pages } = await pdfText(pdf);
    expect(total).toBeGreaterThan(1);
    expect(pages).toHaveLength(total);
    pages.forEach((page, i) => {
      expect(page).toContain('Date Nature Libellé Contrepartie Débit (€) Crédit (€) Solde (€)');
      expect(page).toContain(`Page ${i + 1} / ${total}`);
      expect(page).toContain(`SHA-256 du contenu : ${statement.contentSha256}`);
    });
    expect(text).toContain('Relevé de compte : Enveloppe de compensation (école)');
    expect(text).toContain('Période : du 01/01/2026 au 31/12/2026');
    // 10:00 UTC is 11:00 in Paris in November.
    expect(text).toContain('Généré le 27/11/2026 à 11:00 (heure de Paris)');
    // Σ (100 + i) for i < 130 = 13 000 + 8 385 = 21 385 cents
    expect(text).toContain('Solde de clôture : 213,85 €');
    expect(text).toMatch(/Totaux 0,00 213,85 213,85/);
  });

  it('renders French accents and free text in the standard font', async () => {
    const statement = await accountStatement(await ledgerWithNastyMemos(), year);
    const { text, total } = await pdfText(await statementPdf(statement, DateTime.fromISO('2026-11-27T10:00:00Z')));
    expect(total).toBe(1);
    expect(text).toContain('Haies champêtres');
    expect(text).toContain('Versement à un projet');
    expect(text).toContain('Forêt d’Alès');
  });

  it('hashes the content, not the moment of generation', async () => {
    const database = await ledgerWithNastyMemos();
    const a = await accountStatement(database, year);
    const b = await accountStatement(database, year);
    const { contentSha256, totals: _totals, ...content } = a;
    expect(b.contentSha256).toBe(contentSha256);
    expect(contentHash(content)).toBe(contentSha256);
    expect((await accountStatement(database, { ...year, to: '2026-04-30' })).contentSha256).not.toBe(contentSha256);
  });
});

import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import { drawOnEveryPage, pdfBytes } from '../shared/pdf.ts';
import { formatCentsFr } from './ledger-format.models.ts';
import { causeLabels } from './ledger-csv.export.ts';
import type { Statement, StatementLine } from './statement.usecases.ts';

// A statement as finance files it: title, period, account and entity, totals, a table that breaks
// across pages with its header repeated, "Page n / N", generation date (Paris) and the content hash.
// Helvetica is a standard PDF font in WinAnsi encoding: é è à ç ô and € print; CO₂ is written CO2.

const MARGIN = 40;
const FOOTER_HEIGHT = 36;
const ROW_HEIGHT = 14;
const FONT_SIZE = 7.5;

type Column = { title: string; width: number; align: 'left' | 'right'; cell: (l: StatementLine) => string };
const euros = (cents: number) => `${formatCentsFr(cents, { grouping: true })}`;
const frenchDate = (isoDate: string) => DateTime.fromISO(isoDate).toFormat('dd/MM/yyyy');

const columns: Column[] = [
  { title: 'Date', width: 52, align: 'left', cell: (l) => frenchDate(l.date) },
  { title: 'Nature', width: 88, align: 'left', cell: (l) => causeLabels[l.causeKind] },
  { title: 'Libellé', width: 135, align: 'left', cell: (l) => l.memo ?? '' },
  { title: 'Contrepartie', width: 80, align: 'left', cell: (l) => l.counterpartyName },
  { title: 'Débit (€)', width: 52, align: 'right', cell: (l) => (l.amountCents < 0 ? euros(-l.amountCents) : '') },
  { title: 'Crédit (€)', width: 52, align: 'right', cell: (l) => (l.amountCents > 0 ? euros(l.amountCents) : '') },
  { title: 'Solde (€)', width: 56, align: 'right', cell: (l) => euros(l.balanceAfterCents) },
];

function drawRow(doc: PDFKit.PDFDocument, y: number, cells: string[], bold = false): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  let x = MARGIN;
  columns.forEach((column, i) => {
    // One line per cell: long text is cut with an ellipsis rather than overlapping the next row.
    doc.text(cells[i] ?? '', x + 2, y + 3, { width: column.width - 4, height: ROW_HEIGHT - 3, align: column.align, ellipsis: true, lineBreak: false });
    x += column.width;
  });
}

function drawHeader(doc: PDFKit.PDFDocument, y: number): number {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  doc.rect(MARGIN, y, width, ROW_HEIGHT).fill('#e6e6e6').fillColor('black');
  drawRow(doc, y, columns.map((c) => c.title), true);
  return y + ROW_HEIGHT;
}

function drawSummary(doc: PDFKit.PDFDocument, s: Statement): void {
  doc.font('Helvetica-Bold').fontSize(15).text(`Relevé de compte : ${s.account.name}`, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9).moveDown(0.4);
  const summary = [
    `Compte : ${s.account.ref} (${s.account.id})`,
    `Entité : ${s.account.entityId ?? 'École (toutes entités)'}`,
    `Période : du ${frenchDate(s.from)} au ${frenchDate(s.to)} inclus (jours civils, heure de Paris)`,
    `Solde d'ouverture : ${euros(s.openingBalanceCents)} €    Total des crédits : ${euros(s.totals.creditsCents)} €    Total des débits : ${euros(s.totals.debitsCents)} €`,
    `Solde de clôture : ${euros(s.closingBalanceCents)} €    Écritures : ${s.totals.lines}`,
  ];
  for (const line of summary) doc.text(line);
  doc.moveDown(0.8);
}

function drawFooters(doc: PDFKit.PDFDocument, s: Statement, generatedAt: DateTime): void {
  const generated = generatedAt.setZone(PARIS_ZONE).toFormat("dd/MM/yyyy 'à' HH:mm");
  drawOnEveryPage(doc, ({ index, count }) => {
    const y = doc.page.height - FOOTER_HEIGHT;
    doc.font('Helvetica').fontSize(7).fillColor('#333333');
    doc.text(`Généré le ${generated} (heure de Paris) · Empreinte`, MARGIN, y, { width: 300, lineBreak: false });
    doc.text(`Page ${index + 1} / ${count}`, doc.page.width - MARGIN - 100, y, { width: 100, align: 'right', lineBreak: false });
    doc.text(`SHA-256 du contenu : ${s.contentSha256}`, MARGIN, y + 11, { lineBreak: false });
  });
}

export async function statementPdf(s: Statement, generatedAt: DateTime): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Relevé ${s.account.name} ${s.from} – ${s.to}`, Author: 'Empreinte', CreationDate: generatedAt.toJSDate() },
  });
  const done = pdfBytes(doc);
  drawSummary(doc, s);
  const lastY = doc.page.height - MARGIN - FOOTER_HEIGHT;
  // A row that would run into the footer starts a new page, which repeats the table header.
  const room = (y: number): number => {
    if (y + ROW_HEIGHT <= lastY) return y;
    doc.addPage();
    return drawHeader(doc, MARGIN);
  };
  let y = drawHeader(doc, doc.y);
  for (const line of s.lines) {
    y = room(y);
    drawRow(doc, y, columns.map((c) => c.cell(line)));
    y += ROW_HEIGHT;
  }
  const { debitsCents, creditsCents } = s.totals;
  drawRow(doc, room(y), ['', s.lines.length === 0 ? 'Aucune écriture' : 'Totaux', '', '', euros(debitsCents), euros(creditsCents), euros(s.closingBalanceCents)], true);
  drawFooters(doc, s, generatedAt);
  doc.end();
  return done;
}

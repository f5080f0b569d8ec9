import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import { drawOnEveryPage, pdfBytes } from '../shared/pdf.ts';
import { formatCentsFr } from '../ledger/ledger-format.models.ts';
import { paymentKindLabelsFr, paymentKinds, type PaymentKind, type PaymentLine } from './payments.models.ts';
import type { PaymentsList } from './payments.usecases.ts';

// The payments list as finance files it: A4 landscape (one column per kind of amount), the period and
// filters, a table whose header repeats on every page, the totals, "Page n / N" and the generation
// time in Paris. Helvetica (WinAnsi): accents and € print.

const MARGIN = 30;
const FOOTER_HEIGHT = 28;
const ROW_HEIGHT = 13;
const FONT_SIZE = 6;

type Column = { title: string; width: number; align: 'left' | 'right'; cell: (l: PaymentLine) => string };
const euros = (cents: number) => formatCentsFr(cents, { grouping: true });
const frenchDay = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS_ZONE).toFormat('dd/MM/yyyy') : '');

// The spreadsheet's titles, shortened where a 44-point column cannot hold them.
const pdfTitles: Partial<Record<PaymentKind, string>> = { mileage: 'Indemnités km', perDiem: 'Indemnités de mission' };

const columns: Column[] = [
  { title: 'Missionnaire', width: 80, align: 'left', cell: (l) => l.travellerName ?? '' },
  { title: 'Mission', width: 86, align: 'left', cell: (l) => l.missionId },
  { title: 'Ligne', width: 48, align: 'left', cell: (l) => l.budgetLine?.code ?? '' },
  { title: 'Certifié', width: 40, align: 'left', cell: (l) => frenchDay(l.certifiedAt) },
  { title: 'Payé / réf.', width: 62, align: 'left', cell: (l) => (l.paidAt ? `${frenchDay(l.paidAt)} ${l.paymentReference ?? ''}` : '') },
  ...paymentKinds.map((k): Column => ({ title: pdfTitles[k] ?? paymentKindLabelsFr[k], width: 44, align: 'right', cell: (l) => euros(l.amountsCents[k]) })),
  { title: 'Total (€)', width: 52, align: 'right', cell: (l) => euros(l.totalCents) },
];
const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);

// Body rows hold one line (ellipsis past the width); the header's titles may wrap onto two.
function drawRow(doc: PDFKit.PDFDocument, y: number, cells: string[], bold = false, lines = 1): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  let x = MARGIN;
  columns.forEach((column, i) => {
    const box = { width: column.width - 4, height: lines * ROW_HEIGHT - 3, align: column.align, ellipsis: true };
    doc.text(cells[i] ?? '', x + 2, y + 3, lines === 1 ? { ...box, lineBreak: false } : box);
    x += column.width;
  });
}

const HEADER_LINES = 2;
function drawHeader(doc: PDFKit.PDFDocument, y: number): number {
  doc.rect(MARGIN, y, tableWidth, HEADER_LINES * ROW_HEIGHT).fill('#e6e6e6').fillColor('black');
  drawRow(doc, y, columns.map((c) => c.title), true, HEADER_LINES);
  return y + HEADER_LINES * ROW_HEIGHT;
}

function drawSummary(doc: PDFKit.PDFDocument, list: PaymentsList): void {
  const title = list.status === 'certified' ? 'États de frais certifiés à payer' : 'États de frais payés';
  const when = list.status === 'certified' ? 'certifiés' : 'payés';
  doc.font('Helvetica-Bold').fontSize(14).text(title, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9).moveDown(0.4);
  doc.text(`Période : ${when} du ${DateTime.fromISO(list.period.from).toFormat('dd/MM/yyyy')} au ${DateTime.fromISO(list.period.to).toFormat('dd/MM/yyyy')} inclus (jours civils, heure de Paris)`);
  doc.text(`Ligne budgétaire : ${list.budgetLine ? `${list.budgetLine.code} — ${list.budgetLine.label}` : 'toutes'}`);
  doc.text(`États de frais : ${list.totals.claims}    Montant total : ${euros(list.totals.totalCents)} €`);
  doc.moveDown(0.6);
}

function drawFooters(doc: PDFKit.PDFDocument, generatedAt: DateTime): void {
  const generated = generatedAt.setZone(PARIS_ZONE).toFormat("dd/MM/yyyy 'à' HH:mm");
  drawOnEveryPage(doc, ({ index, count }) => {
    const y = doc.page.height - FOOTER_HEIGHT;
    doc.font('Helvetica').fontSize(7).fillColor('#333333');
    doc.text(`Généré le ${generated} (heure de Paris) · Empreinte`, MARGIN, y, { width: 300, lineBreak: false });
    doc.text(`Page ${index + 1} / ${count}`, doc.page.width - MARGIN - 100, y, { width: 100, align: 'right', lineBreak: false });
  });
}

export async function paymentsPdf(list: PaymentsList, generatedAt: DateTime): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: 'États de frais', Author: 'Empreinte' } });
  const done = pdfBytes(doc);
  drawSummary(doc, list);
  // A row that would run into the footer starts a new page, which repeats the table header.
  const room = (y: number): number => {
    if (y <= doc.page.height - MARGIN - FOOTER_HEIGHT - ROW_HEIGHT) return y;
    doc.addPage();
    return drawHeader(doc, MARGIN);
  };
  let y = drawHeader(doc, doc.y);
  for (const line of list.lines) {
    y = room(y);
    drawRow(doc, y, columns.map((c) => c.cell(line)));
    y += ROW_HEIGHT;
  }
  y = room(y);
  const totals = ['Total', `${list.totals.claims} état(s)`, '', '', '', ...paymentKinds.map((k) => euros(list.totals.amountsCents[k])), euros(list.totals.totalCents)];
  doc.moveTo(MARGIN, y).lineTo(MARGIN + tableWidth, y).stroke();
  drawRow(doc, y, totals, true);
  if (list.lines.length === 0) doc.font('Helvetica').fontSize(9).text('Aucun état de frais pour ces critères.', MARGIN, y + ROW_HEIGHT + 6);
  drawFooters(doc, generatedAt);
  doc.end();
  return done;
}

import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import { drawOnEveryPage, pdfBytes } from '../shared/pdf.ts';
import type { Chart } from './charts.models.ts';
import { toneColours } from './charts-svg.models.ts';
import type { CopilView, Table } from './copil-view.models.ts';

// The copil report as a PDF: the indicators with their definitions, the three charts drawn as vector
// paths from the same geometry as the page's SVG, the breakdown tables, "Page n / N" and the date.
// Helvetica is a standard font in WinAnsi: the narrow no-break space and the minus sign that Intl and
// our labels use are outside it, so they are written as a no-break space and a hyphen.

const MARGIN = 40;
const FOOTER = 30;
const WIDTH = 595.28 - 2 * MARGIN;

export const pdfSafe = (text: string): string => text.replace(/\u202f/g, '\u00a0').replace(/\u2212/g, '-').replace(/₂/g, '2');

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, y: number, needed: number): number {
  if (y + needed <= doc.page.height - MARGIN - FOOTER) return y;
  doc.addPage();
  return MARGIN;
}

function table(doc: Doc, t: Table, widths: number[], y0: number, options: { fontSize?: number; lastLeft?: boolean } = {}): number {
  const size = options.fontSize ?? 7.5;
  let y = ensureRoom(doc, y0, 40);
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(pdfSafe(t.caption), MARGIN, y, { width: WIDTH });
  y = doc.y + 4;
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(pdfSafe(c), { width: widths[i]! - 4 }))) + 4;
  };
  const draw = (cells: string[], bold: boolean) => {
    const h = heightOf(cells, bold);
    y = ensureRoom(doc, y, h);
    if (bold) doc.rect(MARGIN, y, widths.reduce((a, b) => a + b, 0), h).fill('#e6e6e6');
    doc.fillColor('black').font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(pdfSafe(c), x + 2, y + 2, { width: widths[i]! - 4, align: i < (t.rowHeaders ?? 1) || (options.lastLeft && i === cells.length - 1) ? 'left' : 'right' });
      x += widths[i]!;
    });
    y += h;
  };
  draw(t.columns, true);
  for (const row of t.rows) draw(row, false);
  return y + 10;
}

function chart(doc: Doc, c: Chart, title: string, y0: number): number {
  const scale = WIDTH / c.width;
  let y = ensureRoom(doc, y0, c.height * scale + 24);
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(pdfSafe(title), MARGIN, y, { width: WIDTH });
  y = doc.y + 2;
  doc.save().translate(MARGIN, y).scale(scale);
  for (const tick of c.yTicks) {
    doc.moveTo(c.plot.x, tick.y).lineTo(c.plot.x + c.plot.w, tick.y).lineWidth(0.5).strokeColor('#dddddd').stroke();
    doc.font('Helvetica').fontSize(10).fillColor('#3a3a3a').text(pdfSafe(tick.label), 0, tick.y - 5, { width: c.plot.x - 6, align: 'right', lineBreak: false });
  }
  for (const bar of c.bars) doc.rect(bar.x, bar.y, bar.w, Math.max(bar.h, 0)).fill(toneColours[bar.tone]);
  for (const line of c.lines) {
    const [first, ...rest] = line.points;
    if (!first) continue;
    doc.moveTo(first[0], first[1]);
    for (const [x, yy] of rest) doc.lineTo(x, yy);
    if (line.dashed) doc.dash(6, { space: 4 });
    doc.lineWidth(2.5).strokeColor(toneColours[line.tone]).stroke().undash();
    if (line.tone === 'current') for (const [x, yy] of line.points) doc.circle(x, yy, 3.5).fill(toneColours.current);
  }
  doc.moveTo(c.plot.x, c.plot.y + c.plot.h).lineTo(c.plot.x + c.plot.w, c.plot.y + c.plot.h).lineWidth(1).strokeColor('#3a3a3a').stroke();
  for (const label of c.xLabels) doc.font('Helvetica').fontSize(10).fillColor('#3a3a3a').text(pdfSafe(label.label), label.x - 40, c.plot.y + c.plot.h + 6, { width: 80, align: 'center', lineBreak: false });
  let x = c.plot.x;
  for (const item of c.legend) {
    if (item.kind === 'bar') doc.rect(x, 10, 14, 12).fill(toneColours[item.tone]);
    else {
      doc.moveTo(x, 16).lineTo(x + 18, 16);
      if (item.dashed) doc.dash(6, { space: 4 });
      doc.lineWidth(2.5).strokeColor(toneColours[item.tone]).stroke().undash();
    }
    doc.font('Helvetica').fontSize(10).fillColor('#3a3a3a').text(pdfSafe(item.label), x + 22, 11, { lineBreak: false });
    x += 40 + item.label.length * 6.5;
  }
  doc.restore();
  return y + c.height * scale + 14;
}

function footers(doc: Doc, view: CopilView, generatedAt: DateTime): void {
  const generated = generatedAt.setZone(PARIS_ZONE).toFormat('dd/MM/yyyy HH:mm');
  drawOnEveryPage(doc, ({ index, count }) => {
    const y = doc.page.height - MARGIN;
    doc.font('Helvetica').fontSize(7).fillColor('#333333');
    doc.text(pdfSafe(view.t('reports.pdf.footer', { date: generated })), MARGIN, y, { width: 300, lineBreak: false });
    doc.text(view.t('reports.pdf.page', { n: index + 1, total: count }), MARGIN + WIDTH - 100, y, { width: 100, align: 'right', lineBreak: false });
  });
}

export async function copilPdf(view: CopilView, meta: { year: number }, generatedAt: DateTime): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: pdfSafe(`${view.title} ${meta.year}`), Author: 'Empreinte', CreationDate: generatedAt.toJSDate() } });
  const done = pdfBytes(doc);
  doc.font('Helvetica-Bold').fontSize(16).text(pdfSafe(view.heading), MARGIN, MARGIN, { width: WIDTH });
  doc.moveDown(0.3).font('Helvetica').fontSize(9).text(pdfSafe(view.intro), { width: WIDTH }).moveDown(0.2).text(pdfSafe(view.settingsLine), { width: WIDTH }).moveDown(0.2).text(pdfSafe(view.basisLine), { width: WIDTH });
  let y = table(doc, view.indicators, [120, 70, 70, WIDTH - 260], doc.y + 10, { fontSize: 7, lastLeft: true });
  doc.addPage();
  y = MARGIN;
  for (const c of view.charts) y = chart(doc, c.chart, c.title, y);
  y = ensureRoom(doc, y, 40);
  doc.font('Helvetica').fontSize(8).fillColor('black').text(pdfSafe(view.t('reports.breakdown.note')), MARGIN, y, { width: WIDTH });
  y = doc.y + 8;
  // Seven columns fit at 62 pt; the nine-column tables (flights with trips; domestic, shares and
  // offset) narrow them to 52 pt, in a smaller font so that "Recrutements" still fits on one line.
  // Emissions by mode: the group, the mode, then two figures.
  for (const b of view.breakdowns) {
    const heads = b.rowHeaders ?? 1;
    const numeric = b.columns.length - heads;
    const w = numeric > 6 ? 52 : 62;
    const labels = heads === 1 ? [WIDTH - numeric * w] : [WIDTH - numeric * w - 110, 110];
    y = table(doc, b, [...labels, ...Array<number>(numeric).fill(w)], y, { fontSize: numeric > 6 ? 6.5 : 7.5 });
  }
  footers(doc, view, generatedAt);
  doc.end();
  return done;
}

import type { Chart, Tone } from './charts.models.ts';

// A chart as inline SVG, drawn on the server: role="img" with <title> and <desc> named by
// aria-labelledby (the page adds a data table beside it). Colours are presentation attributes, not
// `style`, so the strict CSP (style-src 'self') does not block them.

export const toneColours: Record<Tone, string> = { current: '#000091', reference: '#b34000', target: '#18753c' };
const AXIS = '#3a3a3a';
const GRID = '#dddddd';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const n = (v: number) => String(Math.round(v * 10) / 10);

export function chartSvg(chart: Chart, text: { id: string; title: string; desc: string }): string {
  const id = escapeXml(text.id);
  const { plot } = chart;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${chart.width} ${chart.height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(text.desc)}</desc>`,
  ];
  for (const tick of chart.yTicks) {
    out.push(`<line x1="${n(plot.x)}" y1="${n(tick.y)}" x2="${n(plot.x + plot.w)}" y2="${n(tick.y)}" stroke="${GRID}" stroke-width="1"/>`);
    out.push(`<text x="${n(plot.x - 6)}" y="${n(tick.y + 4)}" text-anchor="end" fill="${AXIS}">${escapeXml(tick.label)}</text>`);
  }
  for (const bar of chart.bars) {
    out.push(`<rect x="${n(bar.x)}" y="${n(bar.y)}" width="${n(bar.w)}" height="${n(bar.h)}" fill="${toneColours[bar.tone]}"><title>${escapeXml(bar.title)}</title></rect>`);
  }
  for (const line of chart.lines) {
    const points = line.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
    out.push(`<polyline points="${points}" fill="none" stroke="${toneColours[line.tone]}" stroke-width="2.5"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (line.tone === 'current') for (const [x, y] of line.points) out.push(`<circle cx="${n(x)}" cy="${n(y)}" r="3.5" fill="${toneColours.current}"/>`);
  }
  out.push(`<line x1="${n(plot.x)}" y1="${n(plot.y + plot.h)}" x2="${n(plot.x + plot.w)}" y2="${n(plot.y + plot.h)}" stroke="${AXIS}" stroke-width="1"/>`);
  for (const label of chart.xLabels) out.push(`<text x="${n(label.x)}" y="${n(plot.y + plot.h + 16)}" text-anchor="middle" fill="${AXIS}">${escapeXml(label.label)}</text>`);
  let x = plot.x;
  for (const item of chart.legend) {
    const colour = toneColours[item.tone];
    out.push(
      item.kind === 'bar'
        ? `<rect x="${n(x)}" y="10" width="14" height="12" fill="${colour}"/>`
        : `<line x1="${n(x)}" y1="16" x2="${n(x + 18)}" y2="16" stroke="${colour}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<text x="${n(x + 22)}" y="20" fill="${AXIS}">${escapeXml(item.label)}</text>`);
    x += 40 + item.label.length * 6.5;
  }
  out.push('</svg>');
  return out.join('');
}

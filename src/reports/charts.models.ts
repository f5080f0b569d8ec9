// The copil charts as geometry (pure): the page draws it as SVG, the PDF as vector paths, both from
// the same numbers. Coordinates are in a width × height box, y downwards.

export type Tone = 'current' | 'reference' | 'target';
export type Bar = { x: number; y: number; w: number; h: number; tone: Tone; title: string };
export type Line = { points: Array<[number, number]>; tone: Tone; dashed: boolean };
export type LegendItem = { tone: Tone; kind: 'bar' | 'line'; dashed: boolean; label: string };
export type Chart = {
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  yTicks: Array<{ y: number; label: string }>;
  xLabels: Array<{ x: number; label: string }>;
  bars: Bar[];
  lines: Line[];
  legend: LegendItem[];
};

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;
const PLOT = { x: 64, y: 36, w: CHART_WIDTH - 64 - 16, h: CHART_HEIGHT - 36 - 40 };

// The smallest 1, 2 or 5 × 10^k step giving at most `count` steps up to `max`.
export function niceScale(max: number, count = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

function frame(max: number, format: (v: number) => string) {
  const { top, step } = niceScale(max);
  const yOf = (v: number) => PLOT.y + PLOT.h - (v / top) * PLOT.h;
  const yTicks = [];
  for (let v = 0; v <= top + step / 2; v += step) yTicks.push({ y: yOf(v), label: format(v) });
  return { yOf, yTicks };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export type SeriesPoint = { year: number; value: number; target: number | null };

// Flights per year (bars), the reference year's level (solid line), each year's target (dotted).
export function barsWithLines(points: SeriesPoint[], referenceValue: number, labels: { series: string; bar: (p: SeriesPoint) => string; reference: string; target: string; format: (v: number) => string }): Chart {
  const max = Math.max(referenceValue, ...points.map((p) => Math.max(p.value, p.target ?? 0)));
  const { yOf, yTicks } = frame(max, labels.format);
  const slot = PLOT.w / Math.max(points.length, 1);
  const centre = (i: number) => PLOT.x + slot * (i + 0.5);
  const bars: Bar[] = points.map((p, i) => ({ x: round1(centre(i) - slot * 0.3), y: round1(yOf(p.value)), w: round1(slot * 0.6), h: round1(PLOT.y + PLOT.h - yOf(p.value)), tone: 'current', title: labels.bar(p) }));
  const targets = points.map((p, i) => (p.target === null ? null : ([round1(centre(i)), round1(yOf(p.target))] as [number, number]))).filter((p) => p !== null);
  return {
    width: CHART_WIDTH, height: CHART_HEIGHT, plot: PLOT, yTicks,
    xLabels: points.map((p, i) => ({ x: round1(centre(i)), label: String(p.year) })),
    bars,
    lines: [
      { points: [[PLOT.x, round1(yOf(referenceValue))], [PLOT.x + PLOT.w, round1(yOf(referenceValue))]], tone: 'reference', dashed: false },
      ...(targets.length > 0 ? [{ points: targets, tone: 'target' as const, dashed: true }] : []),
    ],
    legend: [
      { tone: 'current', kind: 'bar', dashed: false, label: labels.series },
      { tone: 'reference', kind: 'line', dashed: false, label: labels.reference },
      { tone: 'target', kind: 'line', dashed: true, label: labels.target },
    ],
  };
}

// A value per year (solid line with points) against its target (dotted line).
export function lineWithTarget(points: SeriesPoint[], labels: { value: string; target: string; format: (v: number) => string }): Chart {
  const max = Math.max(...points.map((p) => Math.max(p.value, p.target ?? 0)), 0);
  const { yOf, yTicks } = frame(max, labels.format);
  const step = points.length > 1 ? PLOT.w / (points.length - 1) : 0;
  const xOf = (i: number) => round1(points.length > 1 ? PLOT.x + step * i : PLOT.x + PLOT.w / 2);
  const targets = points.map((p, i) => (p.target === null ? null : ([xOf(i), round1(yOf(p.target))] as [number, number]))).filter((p) => p !== null);
  return {
    width: CHART_WIDTH, height: CHART_HEIGHT, plot: PLOT, yTicks,
    xLabels: points.map((p, i) => ({ x: xOf(i), label: String(p.year) })),
    bars: [],
    lines: [
      { points: points.map((p, i) => [xOf(i), round1(yOf(p.value))]), tone: 'current', dashed: false },
      ...(targets.length > 0 ? [{ points: targets, tone: 'target' as const, dashed: true }] : []),
    ],
    legend: [
      { tone: 'current', kind: 'line', dashed: false, label: labels.value },
      { tone: 'target', kind: 'line', dashed: true, label: labels.target },
    ],
  };
}

export type PairedValue = { label: string; current: number; reference: number };

// Two bars per category: the reference year's, then the year's.
export function pairedBars(values: PairedValue[], labels: { current: string; reference: string; format: (v: number) => string; title: (label: string, who: string, value: string) => string }): Chart {
  const max = Math.max(0, ...values.map((v) => Math.max(v.current, v.reference)));
  const { yOf, yTicks } = frame(max, labels.format);
  const slot = PLOT.w / Math.max(values.length, 1);
  const bars: Bar[] = values.flatMap((v, i) => {
    const left = PLOT.x + slot * i + slot * 0.15;
    const w = round1(slot * 0.35);
    const bar = (value: number, tone: Tone, x: number, who: string): Bar => ({ x: round1(x), y: round1(yOf(value)), w, h: round1(PLOT.y + PLOT.h - yOf(value)), tone, title: labels.title(v.label, who, labels.format(value)) });
    return [bar(v.reference, 'reference', left, labels.reference), bar(v.current, 'current', left + slot * 0.35, labels.current)];
  });
  return {
    width: CHART_WIDTH, height: CHART_HEIGHT, plot: PLOT, yTicks,
    xLabels: values.map((v, i) => ({ x: round1(PLOT.x + slot * (i + 0.5)), label: v.label })),
    bars,
    lines: [],
    legend: [
      { tone: 'reference', kind: 'bar', dashed: false, label: labels.reference },
      { tone: 'current', kind: 'bar', dashed: false, label: labels.current },
    ],
  };
}

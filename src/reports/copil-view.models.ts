import { isMessageKey, type Lang, type Translate } from '../shared/i18n/index.ts';
import { barsWithLines, lineWithTarget, pairedBars, type Chart } from './charts.models.ts';
import type { CopilReport, DefinitionKey } from './copil.usecases.ts';
import { targetsText } from './copil.usecases.ts';
import type { BreakdownDimension, Share, SharePair } from './indicators.models.ts';

// The report in one language, as the page and the PDF show it: labelled rows with their definitions,
// the three charts with their text alternatives and data tables, the breakdown tables.

export type IndicatorRow = { key: DefinitionKey; label: string; current: string; reference: string; definition: string };
// `rowHeaders`: how many leading cells name the row (1 unless said), headers for assistive technology.
export type Table = { caption: string; columns: string[]; rows: string[][]; wide?: boolean; rowHeaders?: number };
export type ChartView = { id: string; title: string; desc: string; chart: Chart; table: Table };
export type CopilView = { title: string; heading: string; intro: string; settingsLine: string; basisLine: string; rows: IndicatorRow[]; indicators: Table; charts: ChartView[]; breakdowns: Table[]; quotas: Table; t: Translate };

export function formatters(lang: Lang) {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tonnes = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    count: (n: number) => count.format(n),
    tonnes: (grams: number) => tonnes.format(grams / 1_000_000),
    euros: (cents: number) => euros.format(cents / 100),
    percent: (p: number) => percent.format(p),
  };
}

type Tools = { t: Translate; lang: Lang; f: ReturnType<typeof formatters> };

function shareText(share: Share, { t, f }: Tools): string {
  return share.percent === null ? t('reports.share.none') : t('reports.share', { percent: f.percent(share.percent), numerator: share.numerator, denominator: share.denominator });
}

function indicatorRows(r: CopilReport, tools: Tools): IndicatorRow[] {
  const { t, f, lang } = tools;
  const rate = r.settings.ghgReductionPercentPerYear;
  const none = t('reports.none');
  const row = (key: DefinitionKey, label: string, current: string, reference: string): IndicatorRow => ({ key, label, current, reference, definition: r.definitions[key][lang] });
  return [
    row('flights', t('reports.ind.flights'), f.count(r.flights.current), f.count(r.flights.reference)),
    row('trips', t('reports.ind.trips'), f.count(r.flights.trips.current), f.count(r.flights.trips.reference)),
    row('flightTarget', t('reports.ind.flightTarget'), r.flights.target === null ? none : `${f.count(r.flights.target)} (−${f.percent(r.flights.targetReductionPercent ?? 0)} %)`, none),
    row('avoided', t('reports.ind.avoided'), f.count(r.flights.avoided), none),
    row('replaced', t('reports.ind.replaced'), f.count(r.flights.replaced), none),
    row('domestic', t('reports.ind.domestic'), f.count(r.flights.domestic.current), f.count(r.flights.domestic.reference)),
    row('co2e', t('reports.ind.co2e'), f.tonnes(r.co2eGrams.current), f.tonnes(r.co2eGrams.reference)),
    row('co2eTarget', t('reports.ind.co2eTarget', { rate: f.percent(rate) }), r.co2eGrams.target === null ? none : f.tonnes(r.co2eGrams.target), none),
    row('recruitmentByVisio', t('reports.ind.recruitmentByVisio'), shareText(r.shares.recruitmentByVisio.current, tools), shareText(r.shares.recruitmentByVisio.reference, tools)),
    row('studentRail', t('reports.ind.studentRail'), shareText(r.shares.studentRailPreRouting.current, tools), shareText(r.shares.studentRailPreRouting.reference, tools)),
    row('studentsWithRail', t('reports.ind.studentsWithRail'), studentsText(r.studentRail.current, tools), studentsText(r.studentRail.reference, tools)),
    row('railAid', t('reports.ind.railAid'), f.euros(r.studentRail.current.aidCents), f.euros(r.studentRail.reference.aidCents)),
    row('offsetFlights', t('reports.ind.offsetFlights'), f.count(r.offset.flights), none),
    row('contributions', t('reports.ind.contributions'), f.euros(r.offset.contributionsCents), none),
    row('envelope', t('reports.ind.envelope'), f.euros(r.offset.envelopeBalanceCents), none),
  ];
}

const studentsText = (s: CopilReport['studentRail']['current'], { t, f }: Tools) => t('reports.students', { withRail: f.count(s.withRail), students: f.count(s.students) });

export const modeLabel = (t: Translate, mode: string) => (isMessageKey(`missions.mode.${mode}`) ? t(`missions.mode.${mode}` as never) : mode);

function charts(r: CopilReport, { t, f, lang }: Tools): ChartView[] {
  const colon = lang === 'fr' ? ' : ' : ': ';
  const from = r.series[0]!.year;
  const to = r.series[r.series.length - 1]!.year;
  const rate = f.percent(r.settings.ghgReductionPercentPerYear);
  const dash = t('reports.none');
  const flights = barsWithLines(
    r.series.map((p) => ({ year: p.year, value: p.flights, target: p.targetFlights })),
    r.flights.reference,
    { series: t('reports.chart.flights'), bar: (p) => `${p.year}${colon}${f.count(p.value)}`, reference: `${t('reports.chart.legend.reference')} ${r.reference}`, target: t('reports.chart.legend.target'), format: f.count },
  );
  const trajectory = lineWithTarget(
    r.series.map((p) => ({ year: p.year, value: p.co2eGrams / 1_000_000, target: p.targetCo2eGrams === null ? null : p.targetCo2eGrams / 1_000_000 })),
    { value: t('reports.chart.co2e'), target: t('reports.chart.trajectory'), format: (v) => f.tonnes(v * 1_000_000) },
  );
  const modes = pairedBars(
    r.co2eByMode.map((m) => ({ label: modeLabel(t, m.mode), current: m.current / 1_000_000, reference: m.reference / 1_000_000 })),
    { current: String(r.year), reference: String(r.reference), format: (v) => f.tonnes(v * 1_000_000), title: (label, who, value) => `${label}, ${who}${colon}${value} t` },
  );
  return [
    {
      id: 'chart-flights', title: t('reports.chart.flights.title'), desc: t('reports.chart.flights.desc', { from, to, reference: r.reference }), chart: flights,
      table: { caption: t('reports.chart.flights.title'), columns: [t('reports.chart.year'), t('reports.chart.flights'), t('reports.chart.target')], rows: r.series.map((p) => [String(p.year), f.count(p.flights), p.targetFlights === null ? dash : f.count(p.targetFlights)]) },
    },
    {
      id: 'chart-trajectory', title: t('reports.chart.trajectory.title', { rate }), desc: t('reports.chart.trajectory.desc', { from, to, rate, reference: r.reference }), chart: trajectory,
      table: { caption: t('reports.chart.trajectory.title', { rate }), columns: [t('reports.chart.year'), t('reports.chart.co2e'), t('reports.chart.trajectory')], rows: r.series.map((p) => [String(p.year), f.tonnes(p.co2eGrams), p.targetCo2eGrams === null ? dash : f.tonnes(p.targetCo2eGrams)]) },
    },
    {
      id: 'chart-modes', title: t('reports.chart.modes.title', { year: r.year, reference: r.reference }), desc: t('reports.chart.modes.desc', { year: r.year }), chart: modes,
      table: { caption: t('reports.chart.modes.title', { year: r.year, reference: r.reference }), columns: [t('reports.chart.mode'), `${t('reports.chart.co2e')} ${r.reference}`, `${t('reports.chart.co2e')} ${r.year}`], rows: r.co2eByMode.map((m) => [modeLabel(t, m.mode), f.tonnes(m.reference), f.tonnes(m.current)]) },
    },
  ];
}

const dimensionTitle: Record<BreakdownDimension, 'reports.breakdown.entity' | 'reports.breakdown.purpose' | 'reports.breakdown.category'> = {
  entity: 'reports.breakdown.entity', purpose: 'reports.breakdown.purpose', category: 'reports.breakdown.category',
};

export function groupLabel(t: Translate, dimension: BreakdownDimension, key: string): string {
  if (dimension === 'entity') return key || t('reports.breakdown.noEntity');
  const messageKey = dimension === 'purpose' ? `missions.purpose.${key}` : `category.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}

const dimensions = ['entity', 'purpose', 'category'] as const;

function breakdowns(r: CopilReport, tools: Tools): Table[] {
  return dimensions.flatMap((dimension) => [flightsAndEmissions(r, dimension, tools), emissionsByMode(r, dimension, tools), domesticSharesOffset(r, dimension, tools)]);
}

// Long rather than wide: one row per group and mode it used, so that nine modes never make eighteen
// columns; the group and the mode both head the row.
function emissionsByMode(r: CopilReport, dimension: BreakdownDimension, { t, f }: Tools): Table {
  return {
    caption: t('reports.breakdown.byMode', { dimension: t(dimensionTitle[dimension]) }),
    rowHeaders: 2,
    columns: [t('reports.breakdown.group'), t('reports.chart.mode'), t('reports.col.co2eYear', { year: r.year }), t('reports.col.co2eReference', { year: r.reference })],
    rows: r.breakdowns[dimension].flatMap((g) => g.co2eByMode.map((m) => [groupLabel(t, dimension, g.key), modeLabel(t, m.mode), f.tonnes(m.current), f.tonnes(m.reference)])),
  };
}

function flightsAndEmissions(r: CopilReport, dimension: BreakdownDimension, { t, f }: Tools): Table {
  return {
    caption: t(dimensionTitle[dimension]),
    wide: true, // nine columns scroll sideways on a narrow screen
    columns: [
      t('reports.breakdown.group'), t('reports.col.flightsYear', { year: r.year }), t('reports.col.flightsReference', { year: r.reference }),
      t('reports.col.trips', { year: r.year }), t('reports.col.trips', { year: r.reference }), t('reports.col.avoided'),
      t('reports.col.replaced'), t('reports.col.co2eYear', { year: r.year }), t('reports.col.co2eReference', { year: r.reference }),
    ],
    rows: r.breakdowns[dimension].map((g) => [
      groupLabel(t, dimension, g.key), f.count(g.flights.current), f.count(g.flights.reference), f.count(g.trips.current), f.count(g.trips.reference), f.count(g.flights.avoided), f.count(g.replaced), f.tonnes(g.co2eGrams.current), f.tonnes(g.co2eGrams.reference),
    ]),
  };
}

// A share in a table cell: "—" where the split is meaningless (null), "none" for a group without such trips.
function shareCells(pair: SharePair | null, { t, f }: Tools): [string, string] {
  const cell = (s: Share) => (s.percent === null ? t('reports.share.shortNone') : t('reports.share.short', { percent: f.percent(s.percent), numerator: s.numerator, denominator: s.denominator }));
  return pair === null ? [t('reports.none'), t('reports.none')] : [cell(pair.current), cell(pair.reference)];
}

function domesticSharesOffset(r: CopilReport, dimension: BreakdownDimension, tools: Tools): Table {
  const { t, f } = tools;
  const both = (key: 'reports.col.domestic' | 'reports.col.recruitmentByVisio' | 'reports.col.studentRail') => [t(key, { year: r.year }), t(key, { year: r.reference })];
  return {
    caption: t('reports.breakdown.more', { dimension: t(dimensionTitle[dimension]) }),
    wide: true, // nine columns scroll sideways on a narrow screen
    columns: [
      t('reports.breakdown.group'), ...both('reports.col.domestic'), ...both('reports.col.recruitmentByVisio'), ...both('reports.col.studentRail'),
      t('reports.col.offsetFlights', { year: r.year }), t('reports.col.contributions', { year: r.year }),
    ],
    rows: r.breakdowns[dimension].map((g) => [
      groupLabel(t, dimension, g.key), f.count(g.domestic.current), f.count(g.domestic.reference), ...shareCells(g.recruitmentByVisio, tools), ...shareCells(g.studentRailPreRouting, tools),
      f.count(g.offset.flights), f.euros(g.offset.contributionsCents),
    ]),
  };
}

export function copilView(r: CopilReport, t: Translate, lang: Lang): CopilView {
  const tools: Tools = { t, lang, f: formatters(lang) };
  const rows = indicatorRows(r, tools);
  return {
    title: t('reports.title'),
    heading: t('reports.pdf.heading', { year: r.year, reference: r.reference }),
    intro: t('reports.intro', { year: r.year, reference: r.reference }),
    settingsLine: t('reports.settings.current', { reference: r.settings.referenceYear, rate: tools.f.percent(r.settings.ghgReductionPercentPerYear), targets: targetsText(r.settings.flightTargets, lang) }),
    basisLine: t('reports.basis', { year: r.year, actual: tools.f.count(r.basis.actual), estimate: tools.f.count(r.basis.estimate) }),
    rows,
    indicators: {
      caption: t('reports.figures'),
      columns: [t('reports.col.indicator'), t('reports.col.year', { year: r.year }), t('reports.col.reference', { year: r.reference }), t('reports.col.definition')],
      rows: rows.map((row) => [row.label, row.current, row.reference, row.definition]),
    },
    charts: charts(r, tools),
    breakdowns: breakdowns(r, tools),
    quotas: quotaTable(r, tools),
    t,
  };
}

function quotaTable(r: CopilReport, { t, f }: Tools): Table {
  return {
    caption: t('reports.quotas.caption', { year: r.year }),
    columns: [t('reports.quotas.entity'), t('reports.quotas.quota'), t('reports.quotas.actual'), t('reports.quotas.percent')],
    rows: r.quotas.map((q) => [q.entityName, f.tonnes(q.quotaGrams), f.tonnes(q.actualGrams), q.percent === null ? '—' : `${f.percent(q.percent)} %`]),
  };
}

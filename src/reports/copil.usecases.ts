import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { translate, type Lang, type MessageKey } from '../shared/i18n/index.ts';
import './reports.i18n.ts'; // the definitions' texts, whatever loaded this module (CLI, bench, tests)
import { parisCalendarDay } from '../shared/zone-time.ts';
import { balancesAsOf } from '../ledger/finance.usecases.ts';
import { copilFigures, offsetTotals, studentRail, yearsBetween, type CopilFigures, type StudentRail } from './indicators.models.ts';
import { countingBasis, entityNames, legGroups, offsetGroups, parisYearStartUtc, replacedGroups, tripFlags } from './reports.repository.ts';
import { currentSettings } from './settings.repository.ts';
import { quotasOfYear } from '../quotas/quotas.usecases.ts';
import { quotaAgainstActual } from '../quotas/quotas.models.ts';
import type { FlightTarget, ReportSettings } from './settings.models.ts';

export type ReportDeps = { database: Database; clock: Clock };

export const definitionKeys = [
  'flights', 'trips', 'flightTarget', 'avoided', 'replaced', 'domestic', 'co2e', 'co2eTarget', 'co2eByMode',
  'recruitmentByVisio', 'studentRail', 'studentsWithRail', 'railAid', 'offsetFlights', 'contributions', 'envelope', 'basis',
] as const;
export type DefinitionKey = (typeof definitionKeys)[number];

export type CopilReport = CopilFigures & {
  settings: ReportSettings;
  offset: { flights: number; missions: number; contributionsCents: number; envelopeBalanceCents: number; asOf: string };
  // The year's validated missions counted on their certified claim (actual) or on their estimate.
  basis: { actual: number; estimate: number };
  // Each entity with a quota for the year: the quota against the year's actual emissions (as counted
  // above: certified claims where they exist, estimates otherwise).
  // Students flying abroad counted per person: how many, how many took the train too, the aid granted.
  studentRail: { current: StudentRail; reference: StudentRail };
  quotas: Array<{ entityId: string; entityName: string; quotaGrams: number; actualGrams: number; percent: number | null; exceeded: boolean }>;
  definitions: Record<DefinitionKey, Record<Lang, string>>;
  generatedAt: string;
};

export function currentParisYear(clock: Clock): number {
  return parisCalendarDay(clock.nowMs()).year;
}

export function targetsText(targets: readonly FlightTarget[], lang: Lang): string {
  if (targets.length === 0) return lang === 'fr' ? 'aucun' : 'none';
  return targets.map((t) => (lang === 'fr' ? `−${t.reductionPercent} % en ${t.year}` : `−${t.reductionPercent} % by ${t.year}`)).join(', ');
}

// 2026-11-27 reads 27/11/2026 in French.
const dayIn = (isoDate: string, lang: Lang) => (lang === 'fr' ? isoDate.split('-').reverse().join('/') : isoDate);

function definitions(settings: ReportSettings, asOfDay: string): CopilReport['definitions'] {
  const params = (lang: Lang) => ({ targets: targetsText(settings.flightTargets, lang), rate: settings.ghgReductionPercentPerYear, date: dayIn(asOfDay, lang) });
  return Object.fromEntries(
    definitionKeys.map((key) => [key, { fr: translate('fr', `reports.def.${key}` as MessageKey, params('fr')), en: translate('en', `reports.def.${key}` as MessageKey, params('en')) }]),
  ) as CopilReport['definitions'];
}

// The envelope's balance at the end of the year, or now while the year runs.
async function envelopeBalance(deps: ReportDeps, year: number): Promise<{ cents: number; asOf: string }> {
  const now = deps.clock.now().toUTC().toISO()!;
  const endOfYear = parisYearStartUtc(year + 1);
  const bound = now < endOfYear ? now : endOfYear;
  const cents = (await balancesAsOf(deps.database, bound)).filter((a) => a.kind === 'envelope').reduce((sum, a) => sum + a.balanceCents, 0);
  return { cents, asOf: bound };
}

// One read-only snapshot: every figure of the report is computed from the same state of the database,
// whatever is validated or booked while it runs.
export function copilReport(deps: ReportDeps, query: { year?: number; reference?: number }): Promise<CopilReport> {
  return deps.database.transaction(() => buildReport(deps, query), { snapshot: true });
}

async function buildReport(deps: ReportDeps, query: { year?: number; reference?: number }): Promise<CopilReport> {
  const settings = await currentSettings(deps.database.db);
  const year = query.year ?? currentParisYear(deps.clock);
  const reference = query.reference ?? settings.referenceYear;
  const span = yearsBetween(year, reference);
  const range = { from: span[0]!, to: span[span.length - 1]! };
  const names = await entityNames(deps.database);
  const offsets = await offsetGroups(deps.database, year);
  const flags = await tripFlags(deps.database, year === reference ? [year] : [year, reference]);
  const figures = copilFigures({
    year,
    reference,
    settings,
    legs: await legGroups(deps.database, range),
    replaced: await replacedGroups(deps.database, range),
    flags,
    offsets,
    entityName: (id, label) => (id ? (names.get(id) ?? id) : (label ?? '')),
  });
  const offset = offsetTotals(offsets);
  const envelope = await envelopeBalance(deps, year);
  const asOfDay = parisCalendarDay(Date.parse(envelope.asOf) - 1).isoDate;
  return {
    ...figures,
    settings,
    offset: { ...offset, envelopeBalanceCents: envelope.cents, asOf: envelope.asOf },
    basis: await countingBasis(deps.database, year),
    studentRail: { current: studentRail(flags, year), reference: studentRail(flags, reference) },
    quotas: (await quotasOfYear(deps, year)).map((q) => {
      const entityName = names.get(q.entityId) ?? q.entityId;
      const actualGrams = figures.breakdowns.entity.find((row) => row.key === entityName)?.co2eGrams.current ?? 0;
      return { entityId: q.entityId, entityName, ...quotaAgainstActual(q.quotaGrams, actualGrams) };
    }),
    definitions: definitions(settings, asOfDay),
    generatedAt: deps.clock.now().toUTC().toISO()!,
  };
}

import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import type { Lang, MessageKey, Translate } from '../shared/i18n/index.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { quoteInLanguage } from '../quote/quote-language.models.ts';
import type { MissionSummary } from './missions.usecases.ts';
import { formatMinutes } from '../shared/units.ts';

// Display helpers for the missions templates: grams become kg, cents become euros, instants Paris dates,
// all in the reader's language. Templates get plain strings and never compute.

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function formatters(lang: Lang, t: Translate) {
  const kg = (co2eGrams: number) =>
    `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(co2eGrams / 1000)} kg CO2e`;
  const eur = (cents: number) => new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS_ZONE).setLocale(locale(lang)).toFormat('d LLL yyyy');
  const key = (k: string) => t(k as MessageKey);
  return {
    kg,
    eur,
    day,
    minutes: formatMinutes,
    status: (s: string) => key(`missions.status.${s}`),
    purpose: (p: string) => key(`missions.purpose.${p}`),
    mode: (m: string) => key(`missions.mode.${m}`),
    audit: (a: string) => key(`missions.audit.${a}`),
    dates: (m: Pick<MissionSummary, 'departAt' | 'returnAt'>) => t('missions.dates', { from: day(m.departAt), to: day(m.returnAt) }),
    destination: (m: Pick<MissionSummary, 'destination'>, countryName: (code: string) => string) =>
      m.destination.city ? `${m.destination.city} (${countryName(m.destination.country)})` : countryName(m.destination.country),
  };
}

export type Formatters = ReturnType<typeof formatters>;

export type AlternativeView = { mode: 'train' | 'visio'; available: boolean; text: string; legIndex: number };
export type QuoteView = {
  co2e: string;
  cost: string;
  offset: string | null;
  factorSet: string;
  flags: Array<{ severity: string; message: string; legIndex?: number }>;
  legs: string[];
  alternativesByLeg: Array<{ legIndex: number; alternatives: AlternativeView[] }>;
};

// What the quote panel shows: totals, policy flags and, beside each flight, its rail and visio options.
// A stored quote keeps the texts of the language it was computed in; flags and reasons are worded
// again from their code and params in the page's language (older quotes without params keep theirs).
export function quoteView(stored: Quote, f: Formatters, t: Translate, lang: Lang): QuoteView {
  const quote = quoteInLanguage(stored, lang);
  const byLeg = new Map<number, AlternativeView[]>();
  for (const alt of quote.alternatives) {
    const text = alt.available
      ? `${t('missions.alt.figures', { co2e: f.kg(alt.co2eGrams), saved: f.kg(alt.savedCo2eGrams), cost: f.eur(alt.costCents) })}${alt.mode === 'train' ? `, ${t('missions.alt.duration', { duration: f.minutes(alt.travelMinutes) })}` : ''}`
      : t('missions.alt.unavailable', { reason: alt.reason });
    const list = byLeg.get(alt.legIndex) ?? [];
    list.push({ mode: alt.mode, available: alt.available, text, legIndex: alt.legIndex });
    byLeg.set(alt.legIndex, list);
  }
  return {
    co2e: f.kg(quote.totals.co2eGrams),
    cost: f.eur(quote.totals.costCents),
    offset: quote.offset.required ? f.eur(quote.offset.amountCents) : null,
    factorSet: t('missions.quote.factorSet', { id: quote.factorSet.id, version: quote.factorSet.version }),
    flags: quote.policy.filter((p) => p.severity !== 'info').map((p) => ({ severity: p.severity, message: p.message, legIndex: p.legIndex })),
    legs: quote.legs.map((leg) =>
      t('missions.quote.leg', { n: leg.index + 1, mode: f.mode(leg.mode), from: leg.from?.label ?? '—', to: leg.to?.label ?? '—', co2e: f.kg(leg.co2eGrams) }),
    ),
    alternativesByLeg: [...byLeg.entries()].map(([legIndex, alternatives]) => ({ legIndex, alternatives })),
  };
}

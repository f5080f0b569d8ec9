import type { Lang, MessageKey, Translate } from '../shared/i18n/index.ts';
import { quoteView, type Formatters } from '../missions/missions.views.ts';
import type { Claim } from './claims.mapping.ts';
import type { Figure, LegFigures } from './comparison.models.ts';

// What the claim page shows, as plain strings: estimate beside actual per leg and in total, each
// difference signed and marked up or down (never by colour alone), the flags in the reader's language.

export type DiffView = { text: string; direction: 'up' | 'down' | 'same' };
export type ComparisonRow = { label: string; estimate: string; actual: string; difference: DiffView; changed: boolean };

const signed = (value: number, format: (n: number) => string): DiffView =>
  value === 0 ? { text: '=', direction: 'same' } : { text: `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`, direction: value > 0 ? 'up' : 'down' };

function legLabel(leg: LegFigures | null, f: Formatters, t: Translate): string {
  if (!leg) return '—';
  return t('claims.compare.leg', { mode: f.mode(leg.mode), from: leg.from ?? '—', to: leg.to ?? '—' });
}

export function comparisonView(claim: Claim, f: Formatters, t: Translate) {
  const kgRow = (label: string, fig: Figure, changed = fig.difference !== 0): ComparisonRow => ({ label, estimate: f.kg(fig.estimate), actual: f.kg(fig.actual), difference: signed(fig.difference, f.kg), changed });
  const eurRow = (label: string, fig: Figure): ComparisonRow => ({ label, estimate: f.eur(fig.estimate), actual: f.eur(fig.actual), difference: signed(fig.difference, f.eur), changed: fig.difference !== 0 });
  const { legs, totals } = claim.comparison;
  return {
    legs: legs.map((leg) => ({
      n: leg.index + 1,
      estimateLabel: legLabel(leg.estimate, f, t),
      actualLabel: legLabel(leg.actual, f, t),
      co2e: kgRow('', leg.co2eGrams, leg.changed),
      cost: eurRow('', leg.costCents),
      changed: leg.changed,
    })),
    totals: [
      kgRow(t('claims.compare.co2e'), totals.co2eGrams),
      eurRow(t('claims.compare.travelCost'), totals.travelCostCents),
      eurRow(t('claims.compare.expenses'), totals.expensesCents),
      eurRow(t('claims.compare.reimbursed'), totals.reimbursedCents),
      eurRow(t('claims.compare.contribution'), totals.contributionCents),
    ],
  };
}

export function amountsView(claim: Claim, f: Formatters, t: Translate) {
  const key = (k: string) => t(k as MessageKey);
  const rows = [
    { label: t('claims.amounts.fares'), value: claim.amounts.faresCents },
    { label: t('claims.amounts.mileage'), value: claim.amounts.mileageCents },
    { label: t('claims.amounts.perDiem'), value: claim.amounts.perDiemCents },
    ...Object.entries(claim.amounts.expensesCents).map(([kind, value]) => ({ label: key(`claims.expense.${kind}`), value })),
  ];
  return { rows: rows.filter((r) => r.value !== 0).map((r) => ({ label: r.label, amount: f.eur(r.value) })), total: f.eur(claim.amounts.totalCents) };
}

// The trip quote's own flags (reworded in the page's language) and the claim's.
export function flagsView(claim: Claim, f: Formatters, t: Translate, lang: Lang) {
  const tripFlags = quoteView(claim.quote, f, t, lang).flags.map((flag) => ({ severity: flag.severity, message: flag.message }));
  const claimFlags = claim.flags.map((flag) => ({ severity: flag.severity, message: t('claims.flag.lodging', { nights: flag.params.nights }) }));
  return [...claimFlags, ...tripFlags];
}

export function adjustmentView(claim: Claim, f: Formatters, t: Translate): string | null {
  if (!claim.adjustment) return null;
  const { amountCents, transferId } = claim.adjustment;
  if (amountCents === 0) return t('claims.adjustment.none');
  return t(amountCents > 0 ? 'claims.adjustment.more' : 'claims.adjustment.back', { amount: f.eur(Math.abs(amountCents)), transfer: transferId ?? '' });
}

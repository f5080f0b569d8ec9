import { formatCo2e, formatEuros, formatMinutes } from '../shared/units.ts';
import type { Quote } from './quote.usecases.ts';

const km = (value: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value)} km`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd()).join('\n');
}

// The same figures as the API, for a terminal: one row per leg, then totals, offset, alternatives, flags.
export function formatQuoteTable(quote: Quote): string {
  const legRows = quote.legs.map((l) => [
    String(l.index + 1),
    l.mode,
    l.from && l.to ? `${l.from.label} → ${l.to.label}` : '—',
    km(l.distanceKm),
    l.distanceMethod,
    `×${l.trips * (l.mode === 'car' ? 1 : l.travelers)}`,
    formatCo2e(l.co2eGrams),
    l.factor.id,
    formatEuros(l.costCents),
  ]);
  const b = quote.totals.breakdown;
  const lines = [
    table([['#', 'Mode', 'Trajet', 'Distance', 'Méthode', 'Trajets', 'CO2e', 'Facteur', 'Coût'], ...legRows]),
    '',
    `Total : ${formatCo2e(quote.totals.co2eGrams)} — ${formatEuros(quote.totals.costCents)} (billets ${formatEuros(b.faresCents)}, IK ${formatEuros(b.mileageCents)}, indemnités ${formatEuros(b.perDiemCents)}, contribution ${formatEuros(b.offsetCents)})`,
    `Facteurs : ${quote.factorSet.id} (${quote.factorSet.version})`,
  ];
  if (quote.offset.required) {
    lines.push(`Contribution carbone : ${formatCo2e(quote.offset.co2eGrams)} × ${formatEuros(quote.offset.pricePerTonneCents)}/t (${quote.offset.year}) = ${formatEuros(quote.offset.amountCents)}`);
  }
  for (const a of quote.alternatives) {
    lines.push(a.available
      ? `Alternative ${a.mode} (trajet ${a.legIndex + 1}) : ${formatCo2e(a.co2eGrams)}, ${formatEuros(a.costCents)}${a.costIsEstimate ? ' (estimé)' : ''}, ${formatMinutes(a.travelMinutes)}`
      : `Alternative ${a.mode} (trajet ${a.legIndex + 1}) : indisponible — ${a.reason}`);
  }
  for (const f of quote.policy) lines.push(`[${f.severity}] ${f.code} : ${f.message}`);
  return lines.join('\n');
}

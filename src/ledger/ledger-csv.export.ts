import { stringify } from 'csv-stringify/sync';
import { formatCentsFr, formatGramsAsKgFr, neutraliseCsvCell } from './ledger-format.models.ts';
import type { CauseKind } from './ledger.models.ts';
import type { BalanceRow } from './finance.usecases.ts';
import type { Statement } from './statement.usecases.ts';

// CSV that opens as is in a French spreadsheet: UTF-8 BOM (accents), `;` separator (the comma is the
// decimal mark), decimal comma, ISO dates, one header row. Free text is neutralised against formulas.

export const causeLabels: Record<CauseKind, string> = {
  mission_contribution: 'Contribution mission',
  mission_reversal: 'Annulation de contribution',
  disbursement: 'Versement à un projet',
  correction: 'Correction',
  claim_adjustment: 'Ajustement sur état de frais',
};

// Shared with the other finance exports (payments), so every CSV finance opens behaves the same.
export const csvOptions = { delimiter: ';', bom: true, header: true, record_delimiter: 'windows' as const, quoted_match: /;|"|\n|\r/ };
const text = (value: string | null | undefined): string => neutraliseCsvCell(value ?? '');
const euros = (cents: number | null): string => (cents === null ? '' : formatCentsFr(cents));

const statementColumns = ['Date', 'Horodatage (UTC)', 'Écriture', 'Nature', 'Cause', 'Libellé', 'Contrepartie', 'Débit (€)', 'Crédit (€)', 'Solde (€)', 'CO2e (kg)'];

export function statementCsv(statement: Statement): string {
  const opening = [statement.from, '', '', "Solde d'ouverture", '', '', '', '', '', euros(statement.openingBalanceCents), ''];
  const lines = statement.lines.map((l) => [
    l.date,
    l.effectiveAt,
    text(l.transferId),
    causeLabels[l.causeKind],
    text(l.causeRef),
    text(l.memo),
    text(l.counterpartyName),
    euros(l.amountCents < 0 ? -l.amountCents : null),
    euros(l.amountCents > 0 ? l.amountCents : null),
    euros(l.balanceAfterCents),
    formatGramsAsKgFr(l.co2eGrams),
  ]);
  const closing = [statement.to, '', '', 'Solde de clôture', '', 'Totaux de la période', '', euros(statement.totals.debitsCents), euros(statement.totals.creditsCents), euros(statement.closingBalanceCents), ''];
  return stringify([opening, ...lines, closing], { ...csvOptions, columns: statementColumns });
}

const kindLabels: Record<BalanceRow['kind'], string> = { envelope: 'Enveloppe', budget_line: 'Ligne budgétaire', project: 'Projet' };

export function balancesCsv(rows: BalanceRow[], asOf: string): string {
  const records = rows.map((r) => [asOf, text(r.id), kindLabels[r.kind], text(r.name), text(r.ref), text(r.entityId), euros(r.balanceCents), euros(r.pendingDebitCents), euros(r.pendingCreditCents)]);
  const columns = ['Au', 'Compte', 'Nature', 'Nom', 'Référence', 'Entité', 'Solde (€)', 'Réservé au débit (€)', 'Réservé au crédit (€)'];
  return stringify(records, { ...csvOptions, columns });
}

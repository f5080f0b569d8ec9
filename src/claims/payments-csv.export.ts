import { stringify } from 'csv-stringify/sync';
import { csvOptions } from '../ledger/ledger-csv.export.ts';
import { formatCentsFr, neutraliseCsvCell } from '../ledger/ledger-format.models.ts';
import { parisDate } from '../ledger/ledger-dates.models.ts';
import { paymentKindLabelsFr, paymentKinds } from './payments.models.ts';
import type { PaymentsList } from './payments.usecases.ts';

// The payments list as finance's spreadsheet reads it (the ledger's Excel-FR conventions): one row
// per claim, one column per kind of amount, and a totals row.

const text = (value: string | null | undefined) => neutraliseCsvCell(value ?? '');
const day = (iso: string | null) => (iso ? parisDate(iso) : '');

export function paymentsCsv(list: PaymentsList): string {
  const columns = [
    'Mission', 'État de frais', 'Missionnaire', 'Ligne budgétaire', 'Libellé de la ligne', 'Destination', 'Certifié le', 'Payé le', 'Référence du paiement',
    ...paymentKinds.map((k) => `${paymentKindLabelsFr[k]} (€)`), 'Total (€)',
  ];
  const rows = list.lines.map((l) => [
    text(l.missionId), text(l.claimId), text(l.travellerName), text(l.budgetLine?.code), text(l.budgetLine?.label), text(l.destination),
    day(l.certifiedAt), day(l.paidAt), text(l.paymentReference),
    ...paymentKinds.map((k) => formatCentsFr(l.amountsCents[k])), formatCentsFr(l.totalCents),
  ]);
  const totals = ['Total', `${list.totals.claims} état(s) de frais`, '', '', '', '', '', '', '', ...paymentKinds.map((k) => formatCentsFr(list.totals.amountsCents[k])), formatCentsFr(list.totals.totalCents)];
  return stringify([...rows, totals], { ...csvOptions, columns });
}

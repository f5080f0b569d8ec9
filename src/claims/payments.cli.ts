import { parseArgs } from 'node:util';
import { parseOrThrow } from '../shared/validation.ts';
import { emit, guarded, withDatabase, type CliIo } from '../ledger/ledger.cli.ts';
import { paymentsQuerySchema } from './claims.schemas.ts';
import { listPayments } from './payments.usecases.ts';
import { paymentsCsv } from './payments-csv.export.ts';
import { paymentsPdf } from './payments-pdf.export.ts';

// `empreinte export payments`: the API's payments list for finance's scripts, to --out or stdout.
const usage = 'Usage: empreinte export payments --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|pdf|json] [--status certified|paid] [--budget-line <code|id>] [--out FILE]';

export function exportPayments(args: string[], io: CliIo): Promise<number> {
  return guarded(io, usage, async () => {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'csv' }, status: { type: 'string' }, 'budget-line': { type: 'string' }, out: { type: 'string' } },
    });
    const q = parseOrThrow(paymentsQuerySchema, { from: values.from, to: values.to, format: values.format, status: values.status, budgetLine: values['budget-line'] }, 'options');
    const list = await listPayments(io, q);
    const content = q.format === 'pdf' ? await paymentsPdf(list, io.clock.now()) : q.format === 'csv' ? paymentsCsv(list) : `${JSON.stringify(list, null, 2)}\n`;
    emit(io, values.out, content);
    io.stderr(`${list.totals.claims} état(s) de frais, ${(list.totals.totalCents / 100).toFixed(2).replace('.', ',')} €`);
  });
}

export const exportPaymentsCommand = withDatabase(exportPayments);

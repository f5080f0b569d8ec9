import { Router } from 'express';
import { requireRole } from '../auth/auth.guards.ts';
import { query } from '../shared/http.ts';
import { paymentsQuerySchema } from './claims.schemas.ts';
import { listPayments, type PaymentsList } from './payments.usecases.ts';
import { paymentsCsv } from './payments-csv.export.ts';
import { paymentsPdf } from './payments-pdf.export.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';

export const paymentsFileName = (list: Pick<PaymentsList, 'status' | 'period'>, extension: 'csv' | 'pdf') =>
  `etats-de-frais_${list.status === 'certified' ? 'a-payer' : 'payes'}_${list.period.from}_${list.period.to}.${extension}`;

// Finance's list of claims to pay and paid, as JSON, CSV (Excel-FR) or PDF; admin passes too.
export function paymentsRouter(deps: { database: Database; clock: Clock }): Router {
  const router = Router();
  router.get('/api/payments', requireRole('finance'), async (req, res) => {
    const q = query(req, paymentsQuerySchema);
    const list = await listPayments(deps, q);
    if (q.format === 'json') return void res.json(list);
    const content = q.format === 'csv' ? paymentsCsv(list) : await paymentsPdf(list, deps.clock.now());
    res.attachment(paymentsFileName(list, q.format)).type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf');
    res.send(content);
  });
  return router;
}

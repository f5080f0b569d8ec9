import { Router, type Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body, query } from '../shared/http.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { auditLedger } from './ledger.audit.ts';
import { ledgerPolicy } from './ledger.models.ts';
import { exclusiveBound } from './ledger-dates.models.ts';
import { balancesAsOf, correctTransfer, createProject, disburse, listProjects, type LedgerDeps } from './finance.usecases.ts';
import { accountStatement, type Statement } from './statement.usecases.ts';
import { balancesCsv, statementCsv } from './ledger-csv.export.ts';
import { statementPdf } from './ledger-pdf.export.ts';
import { financePages } from './finance.pages.ts';
import { balancesQuery, disbursementBody, idempotencyKeyHeader, projectBody, reverseBody, statementQuery, transferIdParams } from './ledger.schemas.ts';

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_');

export function statementFileName(s: Pick<Statement, 'account' | 'from' | 'to'>, extension: 'csv' | 'pdf'): string {
  return `releve_${safeName(s.account.ref)}_${s.from}_${s.to}.${extension}`;
}

function sendFile(res: Response, file: { name: string; type: string; content: string | Buffer; sha256?: string }): void {
  res.attachment(file.name).type(file.type);
  if (file.sha256) res.set('X-Content-SHA256', file.sha256);
  res.send(file.content);
}

// Reads for finance and the steering committee (copil); writes for finance; admin passes both.
export function ledgerRouter(deps: Pick<AppDeps, 'config' | 'database' | 'clock'>): Router {
  const router = Router();
  // The HTML pages over the same use cases (/finance), so app.ts mounts the ledger once.
  router.use(financePages(deps));
  const ledger: LedgerDeps = { database: deps.database, clock: deps.clock, policy: ledgerPolicy(deps.config) };
  const read = requireRole('finance', 'copil');
  const write = requireRole('finance');

  router.get('/api/ledger/balances', read, async (req, res) => {
    const q = query(req, balancesQuery);
    const asOf = q.asOf ?? deps.clock.now().toUTC().toISO()!;
    const accounts = await balancesAsOf(deps.database, exclusiveBound(asOf, 'asOf'));
    if (q.format === 'csv') {
      sendFile(res, { name: `soldes_${safeName(asOf)}.csv`, type: 'text/csv; charset=utf-8', content: balancesCsv(accounts, asOf) });
      return;
    }
    res.json({ accounts });
  });

  router.get('/api/ledger/statement', read, async (req, res) => {
    const q = query(req, statementQuery);
    const statement = await accountStatement(deps.database, q);
    if (q.format === 'json') {
      res.json(statement);
    } else if (q.format === 'csv') {
      sendFile(res, { name: statementFileName(statement, 'csv'), type: 'text/csv; charset=utf-8', content: statementCsv(statement), sha256: statement.contentSha256 });
    } else {
      const pdf = await statementPdf(statement, deps.clock.now());
      sendFile(res, { name: statementFileName(statement, 'pdf'), type: 'application/pdf', content: pdf, sha256: statement.contentSha256 });
    }
  });

  router.get('/api/ledger/projects', read, async (_req, res) => {
    res.json({ projects: await listProjects(ledger) });
  });

  router.post('/api/ledger/projects', write, async (req, res) => {
    const input = body(req, projectBody);
    const project = await createProject(ledger, { name: input.name, scope: input.scope, description: input.description ?? null }, currentUser(req).id);
    res.status(201).json({ project });
  });

  router.post('/api/ledger/disbursements', write, async (req, res) => {
    const input = body(req, disbursementBody);
    const idempotencyKey = parseOrThrow(idempotencyKeyHeader, req.get('Idempotency-Key'), 'Idempotency-Key header') ?? null;
    const posted = await disburse(ledger, { ...input, entityId: input.entityId ?? null, idempotencyKey }, currentUser(req).id);
    res.status(posted.created ? 201 : 200).json(posted);
  });

  router.post('/api/ledger/transfers/:id/reverse', write, async (req, res) => {
    const { id } = parseOrThrow(transferIdParams, req.params, 'path');
    const { reason } = body(req, reverseBody);
    const posted = await correctTransfer(ledger, { transferId: id, reason }, currentUser(req).id);
    res.status(posted.created ? 201 : 200).json(posted);
  });

  router.get('/api/ledger/audit', read, async (_req, res) => {
    res.json(await auditLedger(deps.database, ledger.policy));
  });

  return router;
}

import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import { invalid } from '../shared/errors.ts';
import { claimErrors, claimTexts } from './claims.errors.ts';
import { body, query } from '../shared/http.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { quoteQuerySchema } from '../quote/quote.schemas.ts';
import { quoteInLanguage } from '../quote/quote-language.models.ts';
import { idempotentPost } from '../missions/idempotent-post.ts';
import { missionIdParam } from '../missions/missions.routes.ts';
import { claimWorkflowActions } from './claims.models.ts';
import { claimTransitionSchema, listClaimsQuerySchema, paySchema, putClaimSchema, receiptFieldsSchema, receiptIdSchema } from './claims.schemas.ts';
import { getClaim, listClaimsFor, putClaim, type Claim, type ClaimDeps } from './claims.usecases.ts';
import { transitionClaim } from './claims-workflow.usecases.ts';
import { addReceipt, readReceipt, removeReceipt } from './receipts.usecases.ts';
import { toClaimSummary } from './claims.mapping.ts';

const answer = (claim: Claim, lang: 'fr' | 'en' = 'fr') => ({ claim: { ...claim, quote: quoteInLanguage(claim.quote, lang) } });

function receiptId(req: Request): string {
  const parsed = receiptIdSchema.safeParse(req.params.receiptId);
  if (!parsed.success) throw claimErrors.receiptNotFound();
  return parsed.data;
}

// The upload the multipart parser left on the request (receipts.upload.ts), or a clear 400.
function uploadOf(req: Request) {
  const file = req.file;
  if (!file) throw invalid('file', claimTexts.fileMissing());
  const fields = parseOrThrow(receiptFieldsSchema, req.body ?? {}, 'form fields');
  return { bytes: file.buffer, originalName: file.originalname, mimeType: file.mimetype, label: fields.label };
}

// The bytes, under the type sniffed at upload, never rendered as anything else; private to the reader.
function sendReceipt(res: Response, file: Awaited<ReturnType<typeof readReceipt>>, download: boolean): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.bytes.length));
  res.setHeader('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(file.bytes);
}

export function claimsRouter(deps: ClaimDeps): Router {
  const router = Router();
  const base = '/api/missions/:id/claim';
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const { lang } = query(req, quoteQuerySchema);
    res.json(answer(await getClaim(deps, currentUser(req), missionIdParam(req)), lang));
  });

  router.put(base, async (req, res) => {
    const id = missionIdParam(req);
    const { claim, created } = await putClaim(deps, currentUser(req), id, body(req, putClaimSchema));
    res.status(created ? 201 : 200).json(answer(claim));
  });

  router.post(`${base}/receipts`, async (req, res) => {
    const id = missionIdParam(req);
    const upload = uploadOf(req);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    await idempotentPost(deps, req, res, async () => {
      const added = await addReceipt(deps, currentUser(req), id, upload);
      return { status: 201, body: { ...answer(added.claim), receipt: added.claim.receipts.find((r) => r.id === added.receiptId) } };
    }, { label: upload.label ?? null, sha256 });
  });

  router.get(`${base}/receipts/:receiptId`, async (req, res) => {
    const download = req.query.download === '1';
    sendReceipt(res, await readReceipt(deps, currentUser(req), missionIdParam(req), receiptId(req)), download);
  });

  router.delete(`${base}/receipts/:receiptId`, async (req, res) => {
    res.json(answer(await removeReceipt(deps, currentUser(req), missionIdParam(req), receiptId(req))));
  });

  for (const action of claimWorkflowActions) {
    router.post(`${base}/${action}`, async (req, res) => {
      const id = missionIdParam(req);
      const input = action === 'pay' ? body(req, paySchema) : body(req, claimTransitionSchema);
      await idempotentPost(deps, req, res, async () => ({ status: 200, body: answer(await transitionClaim(deps, currentUser(req), id, action, input)) }));
    });
  }

  router.get('/api/claims', requireRole('staff', 'secretariat', 'finance'), async (req, res) => {
    const q = query(req, listClaimsQuerySchema);
    const { rows, total } = await listClaimsFor(deps, currentUser(req), { statuses: q.status ? [q.status] : undefined, limit: q.limit, offset: q.offset });
    res.json({ claims: rows.map(toClaimSummary), total });
  });

  return router;
}

import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { claimErrors } from './claims.errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../missions/missions.usecases.ts';
import { claimNotFound, decideClaim, type ClaimStatus } from './claims.models.ts';
import { checkReceipt, MAX_RECEIPTS_PER_CLAIM, safeFileName, type ReceiptType } from './receipts.models.ts';
import { readClaim, visibleMission, type Claim, type ClaimDeps } from './claims.usecases.ts';
import * as repo from './claims.repository.ts';

// Receipts are stored in the database, bytes and SHA-256 beside the claim (see docs: one backup holds
// everything, the upload is in the same transaction as its audit entry, and several instances on one
// database see the same files).

export type Upload = { bytes: Buffer; originalName: string; mimeType: string | undefined; label?: string };

async function editableClaim(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string): Promise<repo.ClaimRow> {
  await visibleMission(deps.database, actor, missionId);
  const claim = await repo.findClaimByMission(deps.database.db, missionId);
  if (!claim) throw claimNotFound();
  decideClaim('edit', { travellerId: claim.travellerId, status: claim.status as ClaimStatus }, actor);
  return claim;
}

export async function addReceipt(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, upload: Upload): Promise<{ claim: Claim; receiptId: string }> {
  const contentType = checkReceipt(upload.bytes, upload.originalName, upload.mimeType);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName = safeFileName(upload.originalName, contentType);
  const id = newId('rcp');
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
      const claim = await editableClaim(deps, actor, missionId);
      if (await repo.countReceipts(deps.database.db, claim.id) >= MAX_RECEIPTS_PER_CLAIM) {
        throw claimErrors.tooManyReceipts({ max: MAX_RECEIPTS_PER_CLAIM }, [{ path: 'file', message: 'too many receipts' }]);
      }
      const row = { id, claimId: claim.id, fileName, contentType, sizeBytes: upload.bytes.length, sha256, label: upload.label?.trim() || null, uploadedAt: at, uploadedBy: actor.id };
      await repo.insertReceipt(deps.database.db, row, upload.bytes);
      await repo.insertClaimAudit(deps.database.db, { id: newId('aud'), claimId: claim.id, at, actorId: actor.id, action: 'receipt_added', fromStatus: claim.status, toStatus: claim.status, comment: `${fileName} (sha256 ${sha256.slice(0, 12)}…)` });
    });
  return { claim: await readClaim(deps, await visibleMission(deps.database, actor, missionId)), receiptId: id };
}

export async function removeReceipt(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, receiptId: string): Promise<Claim> {
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
      const claim = await editableClaim(deps, actor, missionId);
      const receipt = await repo.findReceipt(deps.database.db, claim.id, receiptId);
      if (!receipt) throw claimErrors.receiptNotFound();
      await repo.deleteReceipt(deps.database.db, receipt.id);
      await repo.insertClaimAudit(deps.database.db, { id: newId('aud'), claimId: claim.id, at, actorId: actor.id, action: 'receipt_removed', fromStatus: claim.status, toStatus: claim.status, comment: receipt.fileName });
    });
  return readClaim(deps, await visibleMission(deps.database, actor, missionId));
}

export type ReceiptFile = { fileName: string; contentType: ReceiptType; sha256: string; bytes: Buffer };

// Read by the traveller, the secretariat, finance and admin only (visibleMission), never the copil.
export async function readReceipt(deps: Pick<ClaimDeps, 'database'>, actor: AuthenticatedUser, missionId: string, receiptId: string): Promise<ReceiptFile> {
  await visibleMission(deps.database, actor, missionId);
  const claim = await repo.findClaimByMission(deps.database.db, missionId);
  const receipt = claim ? await repo.findReceipt(deps.database.db, claim.id, receiptId) : undefined;
  const bytes = receipt ? await repo.receiptBytes(deps.database.db, receipt.id) : undefined;
  if (!receipt || !bytes) throw claimErrors.receiptNotFound();
  return { fileName: receipt.fileName, contentType: receipt.contentType as ReceiptType, sha256: receipt.sha256, bytes };
}

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

function editableClaim(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string): repo.ClaimRow {
  visibleMission(deps.database, actor, missionId);
  const claim = repo.findClaimByMission(deps.database.db, missionId);
  if (!claim) throw claimNotFound();
  decideClaim('edit', { travellerId: claim.travellerId, status: claim.status as ClaimStatus }, actor);
  return claim;
}

export function addReceipt(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, upload: Upload): { claim: Claim; receiptId: string } {
  const contentType = checkReceipt(upload.bytes, upload.originalName, upload.mimeType);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName = safeFileName(upload.originalName, contentType);
  const id = newId('rcp');
  const at = nowIso(deps.clock);
  deps.database.sqlite
    .transaction(() => {
      const claim = editableClaim(deps, actor, missionId);
      if (repo.countReceipts(deps.database.db, claim.id) >= MAX_RECEIPTS_PER_CLAIM) {
        throw claimErrors.tooManyReceipts({ max: MAX_RECEIPTS_PER_CLAIM }, [{ path: 'file', message: 'too many receipts' }]);
      }
      const row = { id, claimId: claim.id, fileName, contentType, sizeBytes: upload.bytes.length, sha256, label: upload.label?.trim() || null, uploadedAt: at, uploadedBy: actor.id };
      repo.insertReceipt(deps.database.db, row, upload.bytes);
      repo.insertClaimAudit(deps.database.db, { id: newId('aud'), claimId: claim.id, at, actorId: actor.id, action: 'receipt_added', fromStatus: claim.status, toStatus: claim.status, comment: `${fileName} (sha256 ${sha256.slice(0, 12)}…)` });
    })
    .immediate();
  return { claim: readClaim(deps, visibleMission(deps.database, actor, missionId)), receiptId: id };
}

export function removeReceipt(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, receiptId: string): Claim {
  const at = nowIso(deps.clock);
  deps.database.sqlite
    .transaction(() => {
      const claim = editableClaim(deps, actor, missionId);
      const receipt = repo.findReceipt(deps.database.db, claim.id, receiptId);
      if (!receipt) throw claimErrors.receiptNotFound();
      repo.deleteReceipt(deps.database.db, receipt.id);
      repo.insertClaimAudit(deps.database.db, { id: newId('aud'), claimId: claim.id, at, actorId: actor.id, action: 'receipt_removed', fromStatus: claim.status, toStatus: claim.status, comment: receipt.fileName });
    })
    .immediate();
  return readClaim(deps, visibleMission(deps.database, actor, missionId));
}

export type ReceiptFile = { fileName: string; contentType: ReceiptType; sha256: string; bytes: Buffer };

// Read by the traveller, the secretariat, finance and admin only (visibleMission), never the copil.
export function readReceipt(deps: Pick<ClaimDeps, 'database'>, actor: AuthenticatedUser, missionId: string, receiptId: string): ReceiptFile {
  visibleMission(deps.database, actor, missionId);
  const claim = repo.findClaimByMission(deps.database.db, missionId);
  const receipt = claim ? repo.findReceipt(deps.database.db, claim.id, receiptId) : undefined;
  const bytes = receipt ? repo.receiptBytes(deps.database.db, receipt.id) : undefined;
  if (!receipt || !bytes) throw claimErrors.receiptNotFound();
  return { fileName: receipt.fileName, contentType: receipt.contentType as ReceiptType, sha256: receipt.sha256, bytes };
}

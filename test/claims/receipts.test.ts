import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { MAX_RECEIPT_BYTES, MAX_RECEIPTS_PER_CLAIM } from '../../src/claims/receipts.models.ts';
import { claimWorld, files, type ClaimWorld } from './support.ts';
import { count } from '../helpers/sql.ts';

installLedgerAuditor();

async function draftClaim() {
  const world = await claimWorld();
  const mission = await world.validatedMission();
  await request(world.app).put(world.claimUrl(mission.id)).set('Authorization', world.traveller.auth).send({}).expect(201);
  return { world, missionId: mission.id };
}

// What an upload may change: the receipts, their bytes and the audit. A refused upload changes none.
async function stored(world: ClaimWorld) {
  const rowsOf = (table: string) => count(world.deps.database, table);
  return { receipts: await rowsOf('claim_receipts'), files: await rowsOf('claim_receipt_files'), audit: await rowsOf('claim_audit') };
}

const receiptsUrl = (world: ClaimWorld, missionId: string) => `${world.claimUrl(missionId)}/receipts`;

describe('uploading receipts', () => {
  it('stores the bytes with their SHA-256 and serves them back only to those who may see the claim, never as anything else', async () => {
    const { world, missionId } = await draftClaim();
    const res = await world.uploadReceipt(missionId, files.pdf, '../../../etc/Facture hôtel "Lyon".pdf').field('label', 'Hôtel').expect(201);
    const receipt = res.body.receipt;
    expect(receipt).toMatchObject({ contentType: 'application/pdf', sizeBytes: files.pdf.length, sha256: createHash('sha256').update(files.pdf).digest('hex'), label: 'Hôtel', fileName: 'Facture hôtel _Lyon_.pdf' });
    expect(res.body.claim.receipts).toEqual([receipt]);

    for (const who of [world.traveller, world.secretariat, world.finance, world.admin]) {
      const got = await request(world.app).get(receipt.href).set('Authorization', who.auth).buffer(true).parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
      expect(Buffer.compare(got.body as Buffer, files.pdf)).toBe(0);
      expect(got.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', etag: `"${receipt.sha256}"` });
      expect(got.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`);
    }
    const download = await request(world.app).get(receipt.href).query({ download: '1' }).set('Authorization', world.finance.auth).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);

    for (const who of [world.copil, world.other]) await request(world.app).get(receipt.href).set('Authorization', who.auth).expect(404);
    await request(world.app).get(receipt.href).expect(401);
    await request(world.app).get(`${receiptsUrl(world, missionId)}/rcp_unknown00000000`).set('Authorization', world.traveller.auth).expect(404);
  });

  it('accepts JPEG and PNG, sniffed from their bytes', async () => {
    const { world, missionId } = await draftClaim();
    expect((await world.uploadReceipt(missionId, files.jpeg, 'taxi.jpg').expect(201)).body.receipt.contentType).toBe('image/jpeg');
    // A phone's photo sent without a usable name or type: the bytes decide.
    expect((await world.uploadReceipt(missionId, files.png, 'photo').expect(201)).body.receipt).toMatchObject({ contentType: 'image/png', fileName: 'photo' });
  });

  it.each([
    ['a file over the limit', Buffer.concat([files.pdf, Buffer.alloc(MAX_RECEIPT_BYTES)]), 'gros.pdf', 413, 'receipt.too_large'],
    ['a "PDF" that is not one', files.html, 'facture.pdf', 415, 'receipt.unsupported_type'],
    ['an HTML page', files.html, 'page.html', 415, 'receipt.unsupported_type'],
    ['a PNG named as a PDF', files.png, 'facture.pdf', 415, 'receipt.type_mismatch'],
    ['an empty file', Buffer.alloc(0), 'vide.pdf', 400, 'receipt.empty'],
  ])('refuses %s with %d naming the file field, and stores nothing', async (_what, bytes, name, status, code) => {
    const { world, missionId } = await draftClaim();
    const before = await stored(world);
    const res = await world.uploadReceipt(missionId, bytes, name).expect(status);
    expect(res.body.error).toMatchObject({ code, details: [expect.objectContaining({ path: 'file' })] });
    expect(await stored(world)).toEqual(before);
  });

  it('refuses a request without a file, two files, another field name or an overlong label (400, field named)', async () => {
    const { world, missionId } = await draftClaim();
    const before = await stored(world);
    const post = () => request(world.app).post(receiptsUrl(world, missionId)).set('Authorization', world.traveller.auth);
    const paths = async (req: request.Test) => (await req.expect(400)).body.error.details.map((d: { path: string }) => d.path);
    expect(await paths(post().field('label', 'rien'))).toEqual(['file']);
    expect(await paths(post().attach('file', files.pdf, 'a.pdf').attach('file', files.pdf, 'b.pdf'))).toEqual(['file']);
    expect(await paths(post().attach('receipt', files.pdf, 'a.pdf'))).toEqual(['file']);
    expect(await paths(post().attach('file', files.pdf, 'a.pdf').field('label', 'x'.repeat(500)))).toEqual(['label']);
    const unknown = (await post().attach('file', files.pdf, 'a.pdf').field('amount', '12').expect(400)).body.error.details;
    expect(unknown).toEqual([expect.objectContaining({ message: expect.stringContaining('amount') })]);
    expect(await stored(world)).toEqual(before);
  });

  it(`keeps at most ${MAX_RECEIPTS_PER_CLAIM} receipts per claim (409 after)`, async () => {
    const { world, missionId } = await draftClaim();
    for (let n = 0; n < MAX_RECEIPTS_PER_CLAIM; n++) await world.uploadReceipt(missionId, files.pdf, `f${n}.pdf`).expect(201);
    const before = await stored(world);
    expect((await world.uploadReceipt(missionId, files.pdf, 'de-trop.pdf').expect(409)).body.error.code).toBe('receipt.too_many');
    expect(await stored(world)).toEqual(before);
  });

  it("only the traveller uploads or removes, only while the claim is a draft or returned; someone else's mission is a 404", async () => {
    const world = await claimWorld();
    const noClaim = await world.validatedMission();
    expect((await world.uploadReceipt(noClaim.id).expect(404)).body.error.code).toBe('claim.not_found');

    const { missionId } = { missionId: (await world.validatedMission()).id };
    await request(world.app).put(world.claimUrl(missionId)).set('Authorization', world.traveller.auth).send({}).expect(201);
    await world.uploadReceipt(missionId, files.pdf, 'a.pdf', world.other).expect(404);
    await world.uploadReceipt(missionId, files.pdf, 'a.pdf', world.copil).expect(404);
    const kept = (await world.uploadReceipt(missionId, files.pdf, 'garde.pdf').expect(201)).body.receipt;
    const dropped = (await world.uploadReceipt(missionId, files.png, 'erreur.png').expect(201)).body.receipt;

    await request(world.app).delete(dropped.href).set('Authorization', world.other.auth).expect(404);
    await request(world.app).delete(dropped.href).set('Authorization', world.secretariat.auth).expect(403);
    const afterRemoval = await request(world.app).delete(dropped.href).set('Authorization', world.traveller.auth).expect(200);
    expect(afterRemoval.body.claim.receipts.map((r: { id: string }) => r.id)).toEqual([kept.id]);
    await request(world.app).get(dropped.href).set('Authorization', world.traveller.auth).expect(404);
    expect(afterRemoval.body.claim.audit.map((a: { action: string }) => a.action).slice(-3)).toEqual(['receipt_added', 'receipt_added', 'receipt_removed']);

    await request(world.app).post(`${world.claimUrl(missionId)}/submit`).set('Authorization', world.traveller.auth).send({}).expect(200);
    const before = await stored(world);
    await request(world.app).delete(kept.href).set('Authorization', world.traveller.auth).expect(409);
    await world.uploadReceipt(missionId, files.pdf, 'tard.pdf').expect(409);
    expect(await stored(world)).toEqual(before);
  });
});

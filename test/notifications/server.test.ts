import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../bench/server-process.ts';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { montrealTrip } from '../missions/fixtures.ts';
import { startSmtpPeer } from './smtp-peer.ts';

// The service as deployed: EMPREINTE_SMTP_URL set, its dispatcher sends a submission's notice to the
// secretariat through a real SMTP server, with the link built on EMPREINTE_PUBLIC_URL.
const dir = mkdtempSync(join(tmpdir(), 'empreinte-notify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server sends its notices', () => {
  it('delivers the submission notice to the secretariat through EMPREINTE_SMTP_URL', async () => {
    const file = join(dir, 'service.sqlite');
    const database = openMigratedDatabase(file);
    const entity = await createEntity(database);
    const budgetLineId = (await createBudgetLine(database, entity.id)).id;
    const traveller = await bearerFor(database, await createUser(database, { roles: ['staff'], entityId: entity.id, name: 'Camille Martin' }));
    await createUser(database, { roles: ['secretariat'], email: 'secretariat@mines-ales.fr' });
    await database.close();
    const peer = await startSmtpPeer();
    const server = await startServerProcess(file, { EMPREINTE_SMTP_URL: peer.url, EMPREINTE_NOTIFY_EVERY_MS: '200', EMPREINTE_PUBLIC_URL: 'https://empreinte.mines-ales.fr' });
    try {
      const post = (path: string, body: unknown) => fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { authorization: traveller, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const created = (await (await post('/api/missions', { purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip: montrealTrip })).json()) as { id: string };
      expect((await post(`/api/missions/${created.id}/submit`, {})).status).toBe(200);
      // Sent after the step, by the dispatcher's next round: wait for it (the deadline only bounds a failure).
      for (const deadline = Date.now() + 30_000; peer.received.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      expect(peer.received.map((m) => m.to)).toEqual([['secretariat@mines-ales.fr']]);
      expect(peer.received[0]!.text).toContain(`https://empreinte.mines-ales.fr/missions/${created.id}`);
    } finally {
      await server.kill('SIGTERM');
      await peer.close();
    }
  }, 60_000);
});

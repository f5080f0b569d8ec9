import type { Request, Response } from 'express';
import { currentUser } from '../auth/auth.guards.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { runIdempotent, type Answer } from './idempotency.usecases.ts';
import { idempotencyKeySchema } from './missions.schemas.ts';

// The HTTP side of the idempotency store, shared by the missions and claims routers: a POST sent
// again with the same Idempotency-Key and body (a double click, a retried request) acts once and
// gets the first answer back, marked `Idempotent-Replayed: true`.

function idempotencyKey(req: Request): string | undefined {
  const raw = req.get('Idempotency-Key');
  return raw === undefined ? undefined : parseOrThrow(idempotencyKeySchema, raw, 'Idempotency-Key header');
}

function send(res: Response, answer: Answer): void {
  if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(answer.status).json(answer.body);
}

// `body` is what identifies the request besides its route (the parsed body by default).
export async function idempotentPost(deps: { database: Database; clock: Clock }, req: Request, res: Response, action: () => Promise<Answer>, body: unknown = req.body ?? {}): Promise<void> {
  const user = currentUser(req);
  const ctx = { userId: user.id, key: idempotencyKey(req), route: `${req.method} ${req.path}`, body };
  send(res, await runIdempotent(deps.database, deps.clock, ctx, action));
}

import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { invalid } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { newId } from '../shared/ids.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import { countryName } from './countries.data.ts';
import { missionErrors, missionTexts } from './missions.errors.ts';
import { visioRecruitmentIdSchema, type VisioRecruitmentInput } from './missions.schemas.ts';
import type { MissionDeps } from './missions.usecases.ts';
import * as repo from './visio-recruitments.repository.ts';

// The action plan counts "visio / total international recruitment": a recruitment held by video
// conference leaves no mission behind, so the person records it here, for their entity.
export async function recordVisioRecruitment(deps: Pick<MissionDeps, 'database' | 'clock'>, actor: AuthenticatedUser, input: VisioRecruitmentInput): Promise<repo.VisioRecruitmentRow> {
  if (!actor.entityId) throw invalid('entityId', missionTexts.noEntity());
  if (countryName('fr', input.country) === input.country) throw invalid('country', missionTexts.countryUnknown({ code: input.country }));
  const today = parisCalendarDay(deps.clock.nowMs()).isoDate;
  const heldOn = input.heldOn ?? today;
  if (heldOn > today) throw invalid('heldOn', missionTexts.heldInFuture());
  const row: repo.VisioRecruitmentRow = { id: newId('vrc'), entityId: actor.entityId, recordedBy: actor.id, country: input.country, heldOn, createdAt: deps.clock.now().toUTC().toISO()! };
  await deps.database.transaction(() => repo.insertVisioRecruitment(deps.database.db, row));
  return row;
}

export function myVisioRecruitments(deps: Pick<MissionDeps, 'database'>, actor: AuthenticatedUser, limit = 20): Promise<repo.VisioRecruitmentView[]> {
  return repo.visioRecruitmentsBy(deps.database.db, actor.id, limit);
}

// A record made by mistake is withdrawn by its author (another person's record is not found): a row
// beside it, never a deletion, and the copil leaves it out. Once only; two withdrawals racing book one.
// `rawId` as the URL gave it: a malformed id names no record, the same 404 as an unknown one.
export async function withdrawVisioRecruitment(deps: Pick<MissionDeps, 'database' | 'clock'>, actor: AuthenticatedUser, rawId: string): Promise<repo.VisioRecruitmentView> {
  const parsed = visioRecruitmentIdSchema.safeParse(rawId);
  if (!parsed.success) throw missionErrors.visioNotFound();
  const id = parsed.data;
  const withdrawnAt = deps.clock.now().toUTC().toISO()!;
  try {
    return await deps.database.transaction(async () => {
      const record = await repo.findVisioRecruitmentBy(deps.database.db, id, actor.id);
      if (!record) throw missionErrors.visioNotFound();
      if (record.withdrawnAt) throw missionErrors.visioWithdrawn();
      await repo.insertWithdrawal(deps.database.db, { id: newId('vrw'), recruitmentId: id, withdrawnBy: actor.id, withdrawnAt });
      return { ...record, withdrawnAt };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw missionErrors.visioWithdrawn();
    throw err;
  }
}

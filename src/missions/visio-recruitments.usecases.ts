import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { invalid } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import { countryName } from './countries.data.ts';
import { missionTexts } from './missions.errors.ts';
import type { VisioRecruitmentInput } from './missions.schemas.ts';
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

export function myVisioRecruitments(deps: Pick<MissionDeps, 'database'>, actor: AuthenticatedUser, limit = 20): Promise<repo.VisioRecruitmentRow[]> {
  return repo.visioRecruitmentsBy(deps.database.db, actor.id, limit);
}

import { DateTime } from 'luxon';
import profilesFile from './data/slot-profiles.json' with { type: 'json' };
import { AppError } from '../shared/errors.ts';
import { calendarDayIn } from '../shared/zone-time.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { slotProfileSchema, slotProfilesFileSchema, type SlotProfile, type SlotProfileInput } from './slots.schemas.ts';

const profiles = parseOrThrow(slotProfilesFileSchema, profilesFile, 'slot-profiles.json');

export const slotProfiles: readonly SlotProfile[] = profiles.profiles;
export const defaultSlotProfile: SlotProfile = profiles.profiles.find((p) => p.id === profiles.defaultProfileId)!;

export function slotProfileById(id: string): SlotProfile {
  const found = slotProfiles.find((p) => p.id === id);
  if (!found) throw new AppError('slot_profile.not_found', `Unknown slot profile ${id}`, [{ path: 'profile', message: `known: ${slotProfiles.map((p) => p.id).join(', ')}` }]);
  return found;
}

// A caller may hand in its own profile (e.g. a ministry's): it is checked like the shipped ones.
export function parseSlotProfile(input: SlotProfileInput): SlotProfile {
  return parseOrThrow(slotProfileSchema, input, 'slot profile');
}

export type CoveredSlot = { kind: 'meal' | 'night'; slot: string; date: string; startsAt: DateTime; endsAt: DateTime };

type Window = { kind: 'meal' | 'night'; slot: string; start: string; end: string };

function windowsOf(profile: SlotProfile): Window[] {
  const windows: Window[] = [
    { kind: 'night', slot: 'night', ...profile.night },
    ...profile.meals.map((m) => ({ kind: 'meal' as const, slot: m.id, start: m.start, end: m.end })),
  ];
  return windows.sort((a, b) => a.start.localeCompare(b.start));
}

// Building a zoned DateTime costs tens of microseconds (Intl offset look-ups) and the same slots come
// back for every quote of the same dates, so the immutable results are memoised (bounded).
const localTimes = new Map<string, DateTime>();
const LOCAL_TIMES_MAX = 20_000;

// Wall-clock time of a calendar day in `zone`: built from fields, so a slot on a DST-change day is
// still 0 h-5 h local (4 or 6 real hours), not "midnight plus five hours".
function localTime(isoDate: string, hhmm: string, zone: string): DateTime {
  const key = `${zone}|${isoDate}|${hhmm}`;
  const known = localTimes.get(key);
  if (known) return known;
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hour, minute] = hhmm.split(':').map(Number);
  const time = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (localTimes.size >= LOCAL_TIMES_MAX) localTimes.clear();
  localTimes.set(key, time);
  return time;
}

function nextIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10);
}

// The meal and night slots the mission covers, in chronological order, counted on the wall clock
// of `zone` (where the traveller is). Each slot is dated by its own local calendar day, so the
// 0 h-5 h night slot of the night from the 21st to the 22nd is dated the 22nd.
export function coveredSlots(departAt: DateTime, returnAt: DateTime, zone: string, profile: SlotProfile): CoveredSlot[] {
  const windows = windowsOf(profile);
  const last = calendarDayIn(zone, returnAt.toMillis()).isoDate;
  const covered: CoveredSlot[] = [];
  for (let day = calendarDayIn(zone, departAt.toMillis()).isoDate; day <= last; day = nextIsoDate(day)) {
    for (const w of windows) {
      const startsAt = localTime(day, w.start, zone);
      const endsAt = localTime(day, w.end, zone);
      const mode = w.kind === 'night' ? profile.coverage.night : profile.coverage.meals;
      const isCovered = mode === 'whole' ? departAt <= startsAt && returnAt >= endsAt : departAt < endsAt && returnAt > startsAt;
      if (isCovered) covered.push({ kind: w.kind, slot: w.slot, date: day, startsAt, endsAt });
    }
  }
  return covered;
}

export type TravelMode = 'train' | 'plane' | 'boat';

// Some profiles count the mission from the ticket time widened by a fixed margin per mode (time to
// reach the station or airport). The caller passes ticket times and the mode; times from door to
// door need no margin.
export function withTravelMargins(departAt: DateTime, returnAt: DateTime, mode: TravelMode, profile: SlotProfile) {
  const minutes = profile.travelMarginsMinutes[mode];
  if (minutes === undefined) {
    throw new AppError('slot_profile.unsupported', `Profile ${profile.id} sets no travel margin for ${mode}`, [{ path: 'mode', message: 'no margin in this profile' }]);
  }
  return { departAt: departAt.minus({ minutes }), returnAt: returnAt.plus({ minutes }) };
}

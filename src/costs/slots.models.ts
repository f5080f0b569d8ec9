import { DateTime } from 'luxon';
import profilesFile from './data/slot-profiles.json' with { type: 'json' };
import { costErrors } from './costs.errors.ts';
import { civilDayOf, localDayStartMs, zoneOffsetMinutes } from '../shared/zone-time.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { slotProfileSchema, slotProfilesFileSchema, type SlotProfile, type SlotProfileInput } from './slots.schemas.ts';

const profiles = parseOrThrow(slotProfilesFileSchema, profilesFile, 'slot-profiles.json');

export const slotProfiles: readonly SlotProfile[] = profiles.profiles;
export const defaultSlotProfile: SlotProfile = profiles.profiles.find((p) => p.id === profiles.defaultProfileId)!;

export function slotProfileById(id: string): SlotProfile {
  const found = slotProfiles.find((p) => p.id === id);
  if (!found) throw costErrors.slotProfileNotFound({ id }, [{ path: 'profile', message: `known: ${slotProfiles.map((p) => p.id).join(', ')}` }]);
  return found;
}

// A caller may hand in its own profile (e.g. a ministry's): it is checked like the shipped ones.
export function parseSlotProfile(input: SlotProfileInput): SlotProfile {
  return parseOrThrow(slotProfileSchema, input, 'slot profile');
}

export type CoveredSlot = { kind: 'meal' | 'night'; slot: string; date: string; startsAt: DateTime; endsAt: DateTime };
// The same slot with its bounds in epoch milliseconds: what the per-diem rules compare.
export type CoveredSlotMs = { kind: 'meal' | 'night'; slot: string; date: string; startsAtMs: number; endsAtMs: number };

type Window = { kind: 'meal' | 'night'; slot: string; start: string; end: string; startMinutes: number; endMinutes: number; whole: boolean };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// Profiles are immutable reference data: their sorted windows are worked out once per profile.
const windowsByProfile = new WeakMap<SlotProfile, Window[]>();

function windowsOf(profile: SlotProfile): Window[] {
  let windows = windowsByProfile.get(profile);
  if (windows) return windows;
  const window = (kind: 'meal' | 'night', slot: string, start: string, end: string): Window => ({
    kind, slot, start, end, startMinutes: minutesOf(start), endMinutes: minutesOf(end),
    whole: (kind === 'night' ? profile.coverage.night : profile.coverage.meals) === 'whole',
  });
  windows = [window('night', 'night', profile.night.start, profile.night.end), ...profile.meals.map((m) => window('meal', m.id, m.start, m.end))];
  windows.sort((a, b) => a.start.localeCompare(b.start));
  windowsByProfile.set(profile, windows);
  return windows;
}

// Building a zoned DateTime costs tens of microseconds (Intl offset look-ups): on the days around a
// DST change, where luxon's rules for skipped and repeated hours apply, the results are memoised (bounded).
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

const DAY_MS = 86_400_000;

// The same wall-clock instant in epoch ms. Where the zone keeps one offset from a day before to a day
// after (every offset is within ±14 h, so the instant lies in that span), the instant is the local
// time minus that offset; otherwise the day is a DST change and luxon decides, as it always did.
function localTimeMs(dayUtcMs: number, isoDate: string, hhmm: string, minutes: number, zone: string): number {
  const localMs = dayUtcMs + minutes * 60_000;
  const offset = zoneOffsetMinutes(zone, localMs - DAY_MS);
  if (offset === zoneOffsetMinutes(zone, localMs + DAY_MS)) {
    const instantMs = localMs - offset * 60_000;
    if (zoneOffsetMinutes(zone, instantMs) === offset) return instantMs;
  }
  return localTime(isoDate, hhmm, zone).toMillis();
}

// The meal and night slots the mission covers, in chronological order, counted on the wall clock
// of `zone` (where the traveller is). Each slot is dated by its own local calendar day, so the
// 0 h-5 h night slot of the night from the 21st to the 22nd is dated the 22nd.
export function coveredSlotsMs(departAtMs: number, returnAtMs: number, zone: string, profile: SlotProfile): CoveredSlotMs[] {
  const windows = windowsOf(profile);
  const lastDayMs = localDayStartMs(zone, returnAtMs);
  const covered: CoveredSlotMs[] = [];
  for (let dayMs = localDayStartMs(zone, departAtMs); dayMs <= lastDayMs; dayMs += DAY_MS) {
    const day = civilDayOf(dayMs).isoDate;
    for (const w of windows) {
      const startsAtMs = localTimeMs(dayMs, day, w.start, w.startMinutes, zone);
      const endsAtMs = localTimeMs(dayMs, day, w.end, w.endMinutes, zone);
      const isCovered = w.whole ? departAtMs <= startsAtMs && returnAtMs >= endsAtMs : departAtMs < endsAtMs && returnAtMs > startsAtMs;
      if (isCovered) covered.push({ kind: w.kind, slot: w.slot, date: day, startsAtMs, endsAtMs });
    }
  }
  return covered;
}

// The same slots with zoned DateTimes, for callers that display or shift them.
export function coveredSlots(departAt: DateTime, returnAt: DateTime, zone: string, profile: SlotProfile): CoveredSlot[] {
  return coveredSlotsMs(departAt.toMillis(), returnAt.toMillis(), zone, profile).map((s) => ({
    kind: s.kind,
    slot: s.slot,
    date: s.date,
    startsAt: DateTime.fromMillis(s.startsAtMs, { zone }),
    endsAt: DateTime.fromMillis(s.endsAtMs, { zone }),
  }));
}

export type TravelMode = 'train' | 'plane' | 'boat';

// Some profiles count the mission from the ticket time widened by a fixed margin per mode (time to
// reach the station or airport). The caller passes ticket times and the mode; times from door to
// door need no margin.
export function withTravelMargins(departAt: DateTime, returnAt: DateTime, mode: TravelMode, profile: SlotProfile) {
  const minutes = profile.travelMarginsMinutes[mode];
  if (minutes === undefined) {
    throw costErrors.slotProfileNoMargin({ id: profile.id, mode }, [{ path: 'mode', message: 'no margin in this profile' }]);
  }
  return { departAt: departAt.minus({ minutes }), returnAt: returnAt.plus({ minutes }) };
}

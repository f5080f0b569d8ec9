import { hash } from 'node:crypto';
import type { TransitKind, TransportMode } from '../shared/modes.ts';
import type { MissionPurpose } from '../missions/missions.models.ts';
import type { ColumnMap, ImportField } from './import-columns.models.ts';
import { countryCode } from './import-countries.data.ts';
import {
  memo, parseCategory, parseCount, parseDate, parseDecimal, parseEurosToCents, parseMode, parsePurpose, parseRoundTrip, RowProblem,
} from './import-values.models.ts';

// One CSV record turned into the facts of one trip, before any place is resolved.
export type NormalisedRow = {
  line: number;
  missionRef: string | null;
  departOn: string;
  year: number;
  category: 'staff' | 'student';
  entityLabel: string | null;
  purpose: MissionPurpose;
  mode: TransportMode;
  transitKind: TransitKind | null;
  taxi: boolean;
  from: string | null; // what the place resolver reads: "Montpellier, FR", "MPL"; optional for a visio
  to: string | null;
  givenDistanceKm: number | null; // one-way
  roundTrip: boolean;
  travelers: number;
  carPeople: number | null; // a car listed once per agent: this row is one share of it
  costCents: number | null;
  hours: number | null; // visio
};

export const DEFAULT_VISIO_HOURS = 1;
const squeeze = memo((text: string) => text.replace(/\s+/g, ' ').trim());
const date = memo(parseDate);
const mode = memo(parseMode);
const category = memo(parseCategory);
const purpose = memo(parsePurpose);
const roundTrip = memo(parseRoundTrip);
const travelers = memo((raw: string) => parseCount(raw, 'travelers', 1));
const distance = memo((raw: string) => parseDecimal(raw, 'distance_km'));
const cents = memo(parseEurosToCents);

function cell(fields: string[], columns: ColumnMap, field: ImportField): string {
  const index = columns[field];
  return index === undefined ? '' : (fields[index] ?? '');
}

// "Ville" + "Pays" (GES 1point5) or one "from"/"to" cell (ours); the country goes to ISO alpha-2.
function place(fields: string[], columns: ColumnMap, side: 'from' | 'to'): string | null {
  const whole = squeeze(cell(fields, columns, side));
  if (whole) return whole;
  const city = squeeze(cell(fields, columns, `${side}_city`));
  const country = squeeze(cell(fields, columns, `${side}_country`));
  if (!country) return city || null;
  const code = countryCode(country);
  if (!code) throw new RowProblem(`${side}_country`, 'country.unknown', `${side}_country : pays inconnu « ${country} »`);
  if (!city) throw new RowProblem(`${side}_city`, 'place.missing', `${side}_city : ville absente (pays ${country})`);
  return `${city}, ${code}`;
}

export function normaliseRow(line: number, fields: string[], columns: ColumnMap, defaults: { entity: string | null }): NormalisedRow {
  const day = date(cell(fields, columns, 'date'));
  const how = mode(cell(fields, columns, 'mode'));
  const visio = how.mode === 'visio';
  const from = place(fields, columns, 'from');
  const to = place(fields, columns, 'to');
  const givenDistanceKm = distance(cell(fields, columns, 'distance_km'));
  if (!visio && givenDistanceKm === null && (from === null || to === null)) {
    throw new RowProblem(from === null ? 'from' : 'to', 'place.missing', 'lieu de départ et lieu d’arrivée, ou distance_km, attendus');
  }
  const carPeopleCell = cell(fields, columns, 'car_people');
  const hours = visio ? (parseDecimal(cell(fields, columns, 'hours'), 'hours') ?? DEFAULT_VISIO_HOURS) : null;
  if (hours !== null && hours <= 0) throw new RowProblem('hours', 'hours.invalid', 'hours : durée positive attendue');
  return {
    line,
    missionRef: cell(fields, columns, 'mission').trim() || null, // one per row: not worth a cache
    departOn: day.isoDate,
    year: day.year,
    category: category(cell(fields, columns, 'category')),
    entityLabel: squeeze(cell(fields, columns, 'entity')) || defaults.entity,
    purpose: purpose(cell(fields, columns, 'purpose')),
    mode: how.mode,
    transitKind: how.transitKind,
    taxi: how.taxi === true,
    from,
    to,
    givenDistanceKm,
    roundTrip: roundTrip(cell(fields, columns, 'round_trip')),
    travelers: travelers(cell(fields, columns, 'travelers')),
    carPeople: how.mode === 'car' && carPeopleCell.trim() !== '' ? parseCount(carPeopleCell, 'car_people', 1, 9) : null,
    costCents: cents(cell(fields, columns, 'cost_eur')),
    hours,
  };
}

// The row's identity, independent of its line and of the factor set: what re-importing must not
// insert twice. Text is compared without case (the whole key is lower-cased).
export function rowHash(r: NormalisedRow): string {
  const text = [
    r.missionRef, r.departOn, r.category, r.entityLabel, r.purpose, r.mode, r.transitKind, r.taxi ? 'taxi' : '', r.from, r.to,
    r.givenDistanceKm, r.roundTrip ? 1 : 0, r.travelers, r.carPeople, r.costCents, r.hours,
  ].join('\u001f');
  return hash('sha256', text.toLowerCase(), 'base64url');
}

// The n-th identical row of a file gets its own key, so two agents on the same trip both count,
// and the same file imported again yields the same keys.
export function occurrenceKey(baseHash: string, occurrence: number): string {
  return occurrence === 1 ? baseHash : `${baseHash}~${occurrence}`;
}

import type { TransitKind, TransportMode } from '../shared/modes.ts';
import { missionPurposes, type MissionPurpose } from '../missions/missions.models.ts';

// Cell values as spreadsheets and expense tools write them (French or English, decimal comma, dd/mm/yyyy).
// A bad cell throws a RowProblem naming the field; the import turns it into a line of the error CSV.

export class RowProblem extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Columns such as the mode, the date or the purpose repeat the same few texts over thousands of
// rows: each distinct text is read once (a failure is not kept, so its message stays per row).
export function memo<T>(read: (raw: string) => T, max = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const value = read(raw);
    if (cache.size >= max) cache.clear();
    cache.set(raw, value);
    return value;
  };
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

// Lower case, no accents, blanks squeezed: the form every word list below is written in.
export const wordKey = (value: string): string =>
  value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// ISO (2019-03-14, or an instant whose date part is read as is) or French (14/03/2019, 14-03-2019, 14.03.2019).
export function parseDate(raw: string): { isoDate: string; year: number } {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  const fr = iso ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : fr ? [Number(fr[3]), Number(fr[2]), Number(fr[1])] : [NaN, NaN, NaN];
  const valid = y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]! && !(m === 2 && d === 29 && !isLeap(y));
  if (!valid) throw new RowProblem('date', 'date.invalid', text ? `date invalide « ${text} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA, entre ${MIN_YEAR} et ${MAX_YEAR})` : 'date absente');
  return { isoDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, year: y };
}

// "1 234,5", "1234.5", "12 €": a non-negative decimal, or null for an empty cell.
export function parseDecimal(raw: string, field: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RowProblem(field, `${field}.invalid`, `${field} : nombre attendu, lu « ${raw.trim()} »`);
  return Number(text);
}

// Exact cents from the decimal text (no binary rounding): "12,345" is 1234.5 cents, rounded half up.
export function parseEurosToCents(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (text === '') return null;
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RowProblem('cost_eur', 'cost_eur.invalid', `cost_eur : montant en euros attendu, lu « ${raw.trim()} »`);
  const decimals = (match[2] ?? '').padEnd(3, '0');
  return Number(match[1]) * 100 + Number(decimals.slice(0, 2)) + (Number(decimals[2]) >= 5 ? 1 : 0);
}

export function parseCount(raw: string, field: string, fallback: number, max = 1000): number {
  const text = raw.trim();
  if (text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new RowProblem(field, `${field}.invalid`, `${field} : entier de 1 à ${max} attendu, lu « ${text} »`);
  return n;
}

const yes = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x', 'ar', 'aller retour', 'aller-retour']);
const no = new Set(['non', 'n', 'no', 'false', 'faux', '0', '', 'aller simple', 'as']);

export function parseRoundTrip(raw: string): boolean {
  const key = wordKey(raw);
  if (yes.has(key)) return true;
  if (no.has(key)) return false;
  throw new RowProblem('round_trip', 'round_trip.invalid', `round_trip : OUI ou NON attendu, lu « ${raw.trim()} »`);
}

export type ModeChoice = { mode: TransportMode; transitKind: TransitKind | null; taxi?: boolean };

// GES 1point5's French modes (avion, train, voiture, bus, taxi, RER, métro, tramway, ferry), ours in
// English, and a few synonyms. "car" is English (a car); the French "car" (a coach) is "autocar".
const modes: Record<string, ModeChoice> = {
  plane: { mode: 'plane', transitKind: null }, avion: { mode: 'plane', transitKind: null }, flight: { mode: 'plane', transitKind: null }, vol: { mode: 'plane', transitKind: null },
  train: { mode: 'train', transitKind: null }, tgv: { mode: 'train', transitKind: null }, ter: { mode: 'train', transitKind: null }, rail: { mode: 'train', transitKind: null },
  car: { mode: 'car', transitKind: null }, voiture: { mode: 'car', transitKind: null }, taxi: { mode: 'car', transitKind: null, taxi: true },
  bus: { mode: 'bus', transitKind: null }, autocar: { mode: 'bus', transitKind: null }, coach: { mode: 'bus', transitKind: null },
  rer: { mode: 'transit', transitKind: 'rer' }, metro: { mode: 'transit', transitKind: 'metro' }, tram: { mode: 'transit', transitKind: 'tram' },
  tramway: { mode: 'transit', transitKind: 'tram' }, transit: { mode: 'transit', transitKind: 'bus' },
  ferry: { mode: 'ferry', transitKind: null }, bateau: { mode: 'ferry', transitKind: null },
  bike: { mode: 'bike', transitKind: null }, velo: { mode: 'bike', transitKind: null },
  walk: { mode: 'walk', transitKind: null }, marche: { mode: 'walk', transitKind: null },
  visio: { mode: 'visio', transitKind: null }, visioconference: { mode: 'visio', transitKind: null }, videoconference: { mode: 'visio', transitKind: null },
};

export function parseMode(raw: string): ModeChoice {
  const choice = modes[wordKey(raw)];
  if (!choice) throw new RowProblem('mode', 'mode.unknown', raw.trim() ? `mode inconnu « ${raw.trim()} » (avion, train, voiture, bus, taxi, RER, métro, tramway, ferry, vélo, visio…)` : 'mode absent');
  return choice;
}

// GES 1point5's "Statut de l'agent" and ours: students apart, everyone else (researchers, ITA,
// PhD students, who are employees of the school) is staff; an empty cell is staff.
export function parseCategory(raw: string): 'staff' | 'student' {
  const key = wordKey(raw);
  return /\b(student|etudiant|etudiante|eleve|stagiaire)/.test(key) ? 'student' : 'staff';
}

const purposeWords: Array<[RegExp, MissionPurpose]> = [
  [/colloque|congres|conference|seminaire|symposium|workshop|atelier/, 'conference'],
  [/recrutement|jury|recruit|concours/, 'recruitment'],
  [/mobilite etudiante|etudiant|student|echange|exchange|stage/, 'student_mobility'],
  [/enseignement|cours|teaching|lecture/, 'teaching'],
  [/formation|training/, 'training'],
  [/terrain|recherche|research|field|collaboration|campagne/, 'research'],
  [/reunion|meeting|visite|administration|rendez|comite|expertise/, 'meeting'],
];

// Our purposes by name, else keywords of the usual free-text motives; anything else is "other".
export function parsePurpose(raw: string): MissionPurpose {
  const key = wordKey(raw);
  if ((missionPurposes as readonly string[]).includes(key.replace(/ /g, '_'))) return key.replace(/ /g, '_') as MissionPurpose;
  for (const [pattern, purpose] of purposeWords) if (pattern.test(key)) return purpose;
  return 'other';
}

import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import type { QuoteLegRequest, QuoteRequest } from '../quote/quote.schemas.ts';
import { parseEurosToCents } from '../ledger/ledger-input.models.ts';

// The HTML form speaks strings; the API speaks a typed trip. This file converts both ways and maps
// error paths of the API (`trip.legs.0.from`) back to the form's field names (`legs.0.from`).

export const formModes = ['plane', 'train', 'car', 'bus', 'transit', 'ferry', 'bike', 'walk', 'visio'] as const;
export const MAX_FORM_LEGS = 20;

export type LegForm = { mode: string; from: string; to: string; roundTrip: boolean; travelers: string; fareEuros: string; distanceKm: string; hours: string; cabin: string };
export type MissionForm = {
  purpose: string;
  budgetLineId: string;
  departDate: string;
  departTime: string;
  returnDate: string;
  returnTime: string;
  destinationCountry: string;
  destinationCity: string;
  justification: string;
  visioImpossible: boolean;
  railAidEuros: string;
  version: string;
  legs: LegForm[];
};

export type FormIntent =
  | { kind: 'save' | 'submit' | 'quote' | 'add_leg' }
  | { kind: 'remove_leg'; index: number }
  | { kind: 'switch'; index: number; to: 'train' | 'visio' };

export const emptyLeg = (mode = 'plane'): LegForm => ({ mode, from: '', to: '', roundTrip: true, travelers: '1', fareEuros: '', distanceKm: '', hours: '', cabin: 'economy' });

export function emptyForm(): MissionForm {
  return { purpose: 'conference', budgetLineId: '', departDate: '', departTime: '08:00', returnDate: '', returnTime: '20:00', destinationCountry: '', destinationCity: '', justification: '', visioImpossible: false, railAidEuros: '', version: '', legs: [emptyLeg()] };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? String(value.at(-1) ?? '') : '');

export function parseIntent(raw: unknown): FormIntent {
  const text = str(raw);
  const remove = /^remove_leg:(\d{1,2})$/.exec(text);
  if (remove) return { kind: 'remove_leg', index: Number(remove[1]) };
  const change = /^switch:(\d{1,2}):(train|visio)$/.exec(text);
  if (change) return { kind: 'switch', index: Number(change[1]), to: change[2] as 'train' | 'visio' };
  if (text === 'submit' || text === 'quote' || text === 'add_leg') return { kind: text };
  return { kind: 'save' };
}

// Field names are flat (`legs.0.from`) so that any body parser setting reads them the same way.
export function formFromBody(body: Record<string, unknown>): MissionForm {
  const indexes = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = /^legs\.(\d{1,2})\./.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const legs = [...indexes]
    .sort((a, b) => a - b)
    .slice(0, MAX_FORM_LEGS)
    .map((i) => {
      const field = (name: string) => str(body[`legs.${i}.${name}`]).trim();
      return { mode: field('mode') || 'plane', from: field('from'), to: field('to'), roundTrip: field('roundTrip') === 'on' || field('roundTrip') === 'true', travelers: field('travelers') || '1', fareEuros: field('fareEuros'), distanceKm: field('distanceKm'), hours: field('hours'), cabin: field('cabin') || 'economy' };
    });
  const field = (name: string) => str(body[name]).trim();
  return {
    purpose: field('purpose'),
    budgetLineId: field('budgetLineId'),
    departDate: field('departDate'),
    departTime: field('departTime') || '08:00',
    returnDate: field('returnDate'),
    returnTime: field('returnTime') || '20:00',
    destinationCountry: field('destinationCountry').toUpperCase(),
    destinationCity: field('destinationCity'),
    justification: str(body.justification).trim(),
    visioImpossible: field('visioImpossible') === 'on' || field('visioImpossible') === 'true',
    railAidEuros: field('railAidEuros'),
    version: field('version'),
    legs,
  };
}

const placeText = (place: QuoteLegRequest['from']): string => (place === undefined ? '' : typeof place === 'string' ? place : `${place.lat}, ${place.lon}`);
const euros = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2).replace(/\.00$/, ''));

export function formFromTrip(trip: QuoteRequest, mission: { purpose: string; budgetLineId: string | null; justification: string | null; visioImpossible?: boolean; railAidCents?: number | null; version: number }): MissionForm {
  const local = (iso: string | undefined) => (iso ? DateTime.fromISO(iso, { setZone: true }).setZone(PARIS_ZONE) : null);
  const depart = local(trip.departAt);
  const back = local(trip.returnAt);
  return {
    purpose: mission.purpose,
    budgetLineId: mission.budgetLineId ?? '',
    departDate: depart?.toISODate() ?? '',
    departTime: depart?.toFormat('HH:mm') ?? '08:00',
    returnDate: back?.toISODate() ?? '',
    returnTime: back?.toFormat('HH:mm') ?? '20:00',
    destinationCountry: trip.destination?.country ?? '',
    destinationCity: trip.destination?.city ?? '',
    justification: mission.justification ?? '',
    visioImpossible: mission.visioImpossible ?? false,
    railAidEuros: mission.railAidCents ? euros(mission.railAidCents) : '',
    version: String(mission.version),
    legs: trip.legs.map((leg) => ({
      mode: leg.mode,
      from: placeText(leg.from),
      to: placeText(leg.to),
      roundTrip: leg.roundTrip,
      travelers: String(leg.travelers),
      fareEuros: euros(leg.fareCents),
      distanceKm: leg.distanceKm === undefined ? '' : String(leg.distanceKm),
      hours: leg.hours === undefined ? '' : String(leg.hours),
      cabin: leg.cabin ?? 'economy',
    })),
  };
}

// A number typed in French ("950,50") or English; anything else is passed through for zod to refuse.
function numeric(text: string): number | string | undefined {
  if (text === '') return undefined;
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : text;
}

function placeInput(text: string): QuoteLegRequest['from'] | undefined {
  if (text === '') return undefined;
  const point = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
  return point ? { lat: Number(point[1]), lon: Number(point[2]) } : text;
}

function instant(date: string, time: string): string | undefined {
  if (!date) return undefined;
  const at = DateTime.fromISO(`${date}T${time || '00:00'}`, { zone: PARIS_ZONE });
  return at.isValid ? at.toISO({ suppressMilliseconds: true })! : `${date}T${time}`;
}

function legInput(leg: LegForm): Record<string, unknown> {
  const fare = numeric(leg.fareEuros);
  const common = { mode: leg.mode, roundTrip: leg.roundTrip, travelers: numeric(leg.travelers) ?? 1 };
  if (leg.mode === 'visio') return { ...common, roundTrip: false, hours: numeric(leg.hours) };
  return {
    ...common,
    from: placeInput(leg.from),
    to: placeInput(leg.to),
    distanceKm: numeric(leg.distanceKm),
    fareCents: typeof fare === 'number' ? Math.round(fare * 100) : fare,
    ...(leg.mode === 'plane' ? { cabin: leg.cabin || 'economy' } : {}),
  };
}

export function tripFromForm(form: MissionForm): Record<string, unknown> {
  return {
    departAt: instant(form.departDate, form.departTime),
    returnAt: instant(form.returnDate, form.returnTime),
    destination: form.destinationCountry ? { country: form.destinationCountry, ...(form.destinationCity ? { city: form.destinationCity } : {}) } : undefined,
    legs: form.legs.map(legInput),
  };
}

// The body of POST /api/missions (or PATCH) the form stands for, before validation.
export function inputFromForm(form: MissionForm): Record<string, unknown> {
  return { purpose: form.purpose, budgetLineId: form.budgetLineId || null, justification: form.justification || null, visioImpossible: form.visioImpossible, railAidCents: form.railAidEuros ? (parseEurosToCents(form.railAidEuros) ?? Number.NaN) : null, trip: tripFromForm(form) };
}

// API error path → form field name.
export function formField(path: string): string {
  const p = path.replace(/^trip\./, '');
  if (p === 'departAt') return 'departDate';
  if (p === 'returnAt') return 'returnDate';
  if (p === 'railAidCents') return 'railAidEuros';
  if (p.startsWith('destination')) return p === 'destination.city' ? 'destinationCity' : 'destinationCountry';
  const leg = /^legs\.(\d+)\.(\w+)/.exec(p);
  if (leg) return `legs.${leg[1]}.${leg[2] === 'fareCents' ? 'fareEuros' : leg[2]}`;
  return p || '_form';
}

import { importErrors } from './reports.errors.ts';

// Which column of the file holds which field. Three layouts: ours (English column names, documented
// in docs/import.md), GES 1point5's travel export as is, and any other file through `--map col=field`.

export const importFields = [
  'mission', 'date', 'category', 'entity', 'purpose', 'mode', 'from', 'to',
  'from_city', 'from_country', 'to_city', 'to_country', 'distance_km', 'round_trip', 'travelers', 'car_people', 'cost_eur', 'hours',
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportLayout = 'empreinte' | 'ges1point5' | 'mapped';
export type ColumnMap = Partial<Record<ImportField, number>>;

// Lower case, no accents, no parenthesised remark, apostrophes and runs of blanks as one space:
// "Statut de l’agent (optionnel)" and "statut de l'agent" are the same column.
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’`]/g, ' ')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

// GES 1point5's column names (reference note §2), by their header key.
const gesColumns: Record<string, ImportField> = {
  '# mission': 'mission',
  'date de depart': 'date',
  'ville de depart': 'from_city',
  'pays de depart': 'from_country',
  'ville de destination': 'to_city',
  'pays de destination': 'to_country',
  'mode de deplacement': 'mode',
  'nb de personnes dans la voiture': 'car_people',
  'aller retour': 'round_trip',
  'motif du deplacement': 'purpose',
  'statut de l agent': 'category',
};

// Our own names, plus the few spellings people are likely to type.
const ownColumns: Record<string, ImportField> = {
  ...Object.fromEntries(importFields.map((f) => [headerKey(f), f])),
  'traveller category': 'category',
  'traveler category': 'category',
  'mission ref': 'mission',
  'distance': 'distance_km',
  'roundtrip': 'round_trip',
  'travellers': 'travelers',
  'cost': 'cost_eur',
};

export type ColumnPlan = { layout: ImportLayout; columns: ColumnMap };

// `--map "Date du trajet=date,Départ=from"`: file column = our field (docs/import.md).
export function parseMapping(spec: string): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const column = at > 0 ? part.slice(0, at).trim() : '';
    const field = at > 0 ? part.slice(at + 1).trim() : '';
    if (!column || !(importFields as readonly string[]).includes(field)) {
      throw importErrors.badMapping({ part, fields: importFields.join(', ') }, [{ path: 'map', message: `bad mapping ${part}` }]);
    }
    mapping[headerKey(column)] = field as ImportField;
  }
  return mapping;
}

export function planColumns(header: string[], mapping: Record<string, ImportField> = {}): ColumnPlan {
  const keys = header.map(headerKey);
  const isGes = keys.includes('date de depart') && keys.includes('mode de deplacement');
  const mapped = Object.keys(mapping).length > 0;
  const known: Record<string, ImportField> = { ...(isGes ? gesColumns : ownColumns), ...mapping };
  const columns: ColumnMap = {};
  keys.forEach((key, index) => {
    const field = known[key];
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  const missingMapped = Object.keys(mapping).filter((key) => !keys.includes(key));
  if (missingMapped.length > 0) throw importErrors.mappedColumnsMissing({ columns: missingMapped.join(', ') }, [{ path: 'header', message: 'mapped columns missing' }]);
  const missing = (['date', 'mode'] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    throw importErrors.requiredColumnsMissing({ columns: missing.join(', '), header: header.join(' | ') }, [{ path: 'header', message: `missing ${missing.join(', ')}` }]);
  }
  return { layout: mapped ? 'mapped' : isGes ? 'ges1point5' : 'empreinte', columns };
}

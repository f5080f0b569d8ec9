import { RAIL_FARE_ESTIMATE_CENTS_PER_KM } from './alternatives.models.ts';
import type { Lang } from '../shared/i18n/index.ts';
import { formatMinutes } from '../shared/units.ts';

// The fare rate the rail estimate uses, as each language writes it.
const fareFr = (RAIL_FARE_ESTIMATE_CENTS_PER_KM / 100).toFixed(2).replace('.', ',');
const fareEn = (RAIL_FARE_ESTIMATE_CENTS_PER_KM / 100).toFixed(2);

// The quote's human texts in each language. A flag or an alternative carries its `code` and the
// params its text needs, so a stored quote can be shown again in the reader's language.
export type QuoteLang = Lang;
export type MessageParams = Record<string, string | number | null>;

const str = (p: MessageParams, k: string) => String(p[k] ?? '');
const num = (p: MessageParams, k: string) => Number(p[k] ?? 0);
const amount = (p: MessageParams, decimalMark: string) => {
  const digits = num(p, 'digits');
  return (num(p, 'amountMinor') / 10 ** digits).toFixed(digits).replace('.', decimalMark);
};
const cityText = (p: MessageParams) => (p.city ? ` (${str(p, 'city')})` : '');

type Catalogue = Record<string, (p: MessageParams) => string>;

const fr: Catalogue = {
  'flight.banned_route': (p) => `Liaison aérienne ${str(p, 'from')}–${str(p, 'to')} interdite (décret n° 2023-385, alternative ferroviaire de moins de 2 h 30) : prenez le train.`,
  'flight.rail_under_threshold': (p) => `Le train met environ ${formatMinutes(num(p, 'railMinutes'))}, moins que le seuil de ${formatMinutes(num(p, 'thresholdMinutes'))} : l'avion doit être justifié.`,
  'flight.cabin_not_economy': () => 'Seule la classe économique est prise en charge : une autre classe doit être justifiée.',
  'flight.offset_required': () => "Ce vol donne lieu à une contribution carbone versée à l'enveloppe de compensation.",
  'flight.domestic': () => "Vol intérieur : pendant l'expérimentation sur les vols en France, tout vol intérieur doit être justifié.",
  'per_diem.rate_unknown': (p) => `Taux d'indemnité de mission inconnu pour ${str(p, 'country')}${cityText(p)} : à saisir par le SFI. ${str(p, 'detail')}`,
  'per_diem.foreign_currency': (p) => `Indemnités de mission : ${amount(p, ',')} ${str(p, 'currency')}, converties en euros au taux de chancellerie du jour du paiement (non comprises dans le total).`,
  'alternative.places_unknown': () => "Lieux de départ et d'arrivée non précisés : alternative ferroviaire non estimable.",
  'alternative.no_rail_link': () => 'Pas de liaison ferroviaire entre ces lieux (trajet intercontinental, ou vers une île comme la Corse).',
  'alternative.rail_note': () => `Durée et tarif estimés à partir de la distance (vitesse moyenne par type de train, ${fareFr} €/km) : à vérifier sur le site du transporteur.`,
  'alternative.visio_note': (p) => `Visioconférence de ${num(p, 'hours')} h (7 h par jour de mission) pour chaque participant.`,
};

const en: Catalogue = {
  'flight.banned_route': (p) => `Flights between ${str(p, 'from')} and ${str(p, 'to')} are banned (décret n° 2023-385, rail alternative under 2 h 30): take the train.`,
  'flight.rail_under_threshold': (p) => `The train takes about ${formatMinutes(num(p, 'railMinutes'))}, less than the threshold of ${formatMinutes(num(p, 'thresholdMinutes'))}: the flight must be justified.`,
  'flight.cabin_not_economy': () => 'Only economy class is covered: any other class must be justified.',
  'flight.offset_required': () => 'This flight gives rise to a carbon contribution paid into the offset envelope.',
  'flight.domestic': () => 'Domestic flight: during the trial on flights within France, every domestic flight must be justified.',
  'per_diem.rate_unknown': (p) => `Per-diem rate unknown for ${str(p, 'country')}${cityText(p)}: to be entered by the SFI. ${str(p, 'detail')}`,
  'per_diem.foreign_currency': (p) => `Per diem: ${amount(p, '.')} ${str(p, 'currency')}, converted into euros at the chancellery rate of the payment day (not included in the total).`,
  'alternative.places_unknown': () => 'Departure and arrival places not given: no rail alternative can be estimated.',
  'alternative.no_rail_link': () => 'No rail link between these places (intercontinental, or to an island such as Corsica).',
  'alternative.rail_note': () => `Time and fare estimated from the distance (average speed per train type, €${fareEn}/km): check on the carrier’s website.`,
  'alternative.visio_note': (p) => `Video conference of ${num(p, 'hours')} h (7 h per mission day) for each participant.`,
};

const catalogues: Record<QuoteLang, Catalogue> = { fr, en };

export type QuoteMessageCode = keyof typeof fr;

export function quoteMessage(lang: QuoteLang, code: QuoteMessageCode, params: MessageParams = {}): string {
  return catalogues[lang][code]!(params);
}

// For a stored text: its code may come from an older quote, so an unknown code keeps the stored text.
export function quoteMessageOr(lang: QuoteLang, code: string, params: MessageParams | undefined, stored: string): string {
  const render = Object.hasOwn(catalogues[lang], code) ? catalogues[lang][code] : undefined;
  return render && params ? render(params) : stored;
}

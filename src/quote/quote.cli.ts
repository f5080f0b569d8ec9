import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { buildDeps, loadSettings } from '../deps.ts';
import { openConfiguredDatabase } from '../shared/open-database.ts';
import { systemClock } from '../shared/clock.ts';
import { detailMessage, errorMessage, isAppError } from '../shared/errors.ts';
import { localeLang } from '../shared/i18n/index.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { quoteRequestSchema } from './quote.schemas.ts';
import { computeQuote } from './quote.usecases.ts';
import { formatQuoteTable } from './quote.format.ts';

const options = {
  from: { type: 'string' },
  to: { type: 'string' },
  mode: { type: 'string', default: 'plane' },
  'distance-km': { type: 'string' },
  'round-trip': { type: 'boolean', default: false },
  travelers: { type: 'string' },
  fare: { type: 'string' },
  'depart-at': { type: 'string' },
  'return-at': { type: 'string' },
  'no-contrails': { type: 'boolean', default: false },
  hours: { type: 'string' },
  fuel: { type: 'string' },
  'fiscal-horsepower': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

const HELP = `Usage: empreinte quote --from MPL --to YUL [--mode plane] [--round-trip] [--travelers N]
       [--distance-km N] [--fare EUROS] [--depart-at ISO --return-at ISO] [--no-contrails]
       [--hours N (visio)] [--fuel thermal|electric --fiscal-horsepower N (car)] [--json]`;

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v.replace(',', '.')));

export function requestFromArgs(values: Record<string, string | boolean | undefined>) {
  const fareEuros = num(values.fare as string | undefined);
  const leg = {
    mode: values.mode,
    from: values.from,
    to: values.to,
    distanceKm: num(values['distance-km'] as string | undefined),
    roundTrip: values['round-trip'],
    travelers: num(values.travelers as string | undefined),
    fareCents: fareEuros === undefined ? undefined : Math.round(fareEuros * 100),
    hours: num(values.hours as string | undefined),
    fuel: values.fuel,
    fiscalHorsepower: num(values['fiscal-horsepower'] as string | undefined),
  };
  const request = {
    legs: [Object.fromEntries(Object.entries(leg).filter(([, v]) => v !== undefined))],
    contrails: !values['no-contrails'],
    departAt: values['depart-at'],
    returnAt: values['return-at'],
  };
  return parseOrThrow(quoteRequestSchema, JSON.parse(JSON.stringify(request)), 'quote');
}

export async function quoteCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const deps = buildDeps({ config, database, clock: systemClock });
    await loadSettings(deps);
    const quote = computeQuote(requestFromArgs(values), deps.quote);
    console.log(values.json ? JSON.stringify(quote, null, 2) : formatQuoteTable(quote));
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    console.error(`Erreur : ${errorMessage(err, localeLang())}`);
    for (const d of err.details) console.error(`  - ${d.path} : ${detailMessage(d, localeLang())}`);
    return 2;
  } finally {
    await database.close();
  }
}

import { z } from 'zod';
import { parseOrThrow } from './shared/validation.ts';

const boolFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// The whole environment is read once, here, through one schema: a typo fails at start with its name.
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  EMPREINTE_DB: z.string().min(1).default('./data/empreinte.sqlite'),
  // Set: PostgreSQL at this URL instead of the SQLite file (docs/postgresql.md).
  EMPREINTE_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, 'postgres://user:password@host:5432/database').optional(),
  // Connections per instance to PostgreSQL.
  EMPREINTE_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Quote requests a minute per client; 0 turns the limiter off (benchmarks).
  EMPREINTE_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  // Default carbon price when no year-specific price was set by an admin: 100 €/tCO2e.
  EMPREINTE_CARBON_PRICE_CENTS: z.coerce.number().int().min(0).default(10_000),
  // Ledger: one compensation envelope for the school or one per entity; whether it may go below zero;
  // whether approval reserves the contribution as a pending hold (posted at validation).
  EMPREINTE_ENVELOPE_SCOPE: z.enum(['school', 'entity']).default('school'),
  EMPREINTE_ENVELOPE_ALLOW_NEGATIVE: boolFromEnv.default(false),
  EMPREINTE_LEDGER_HOLDS: boolFromEnv.default(false),
  EMPREINTE_FACTOR_SET: z.string().default('ademe-base-carbone-series-a'),
  // Meal and night slots of the per diem (src/costs/data/slot-profiles.json): which one the school
  // applies is for the SFI to confirm.
  EMPREINTE_PER_DIEM_PROFILE: z.string().default('decret-53-511'),
  // Extra per-diem-abroad rows (same JSON schema as src/costs/data/per-diem-abroad.json).
  EMPREINTE_PER_DIEM_ABROAD_FILE: z.string().optional(),
  EMPREINTE_POLICY_RAIL_THRESHOLD_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(240),
  // The action plan's trial: every flight within France needs a justification (flag flight.domestic).
  EMPREINTE_POLICY_DOMESTIC_FLIGHTS_JUSTIFIED: boolFromEnv.default(false),
  // The action plan's rule: recruitment abroad by plane needs a justification unless the traveller
  // states that video conference is not possible (flag recruitment.flight_abroad).
  EMPREINTE_POLICY_RECRUITMENT_ABROAD_JUSTIFIED: boolFromEnv.default(true),
  EMPREINTE_TRUSTED_USER_HEADER: z.string().optional(),
  EMPREINTE_SECURE_COOKIES: boolFromEnv.default(false),
  // E-mail notifications (docs/notifications.md): the SMTP server, unset to write them to the log and
  // keep them in the outbox; the sender; the address people open the service at (links in messages).
  EMPREINTE_SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'smtp://user:password@host:587 or smtps://…:465').optional(),
  EMPREINTE_MAIL_FROM: z.string().min(3).default('Empreinte <empreinte@localhost>'),
  EMPREINTE_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  // How often the outbox is looked at for messages due, in milliseconds.
  EMPREINTE_NOTIFY_EVERY_MS: z.coerce.number().int().min(100).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  return parseOrThrow(configSchema, known, 'configuration');
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({ EMPREINTE_DB: ':memory:', LOG_LEVEL: 'silent', EMPREINTE_RATE_LIMIT: '0' }), ...overrides };
}

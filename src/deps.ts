import type { Config } from './config.ts';
import type { Database } from './shared/db.ts';
import type { Clock } from './shared/clock.ts';
import { loadPlaceIndex } from './places/places.data.ts';
import { createPlaceResolver, type PlaceResolver } from './places/places.usecases.ts';
import { loadFactorRegistry } from './footprint/factors.loader.ts';
import type { FactorRegistry } from './footprint/factors.models.ts';
import { carbonPriceBook, type CarbonPriceBook } from './carbon-prices/carbon-prices.usecases.ts';
import { defaultPolicyProfile, type PolicyProfile } from './quote/policy.models.ts';
import { policyBook, policyDefaults, type PolicyBook } from './policies/policies.usecases.ts';
import { slotProfileById } from './costs/slots.models.ts';
import { perDiemAbroadTable } from './costs/per-diem-abroad.loader.ts';
import type { QuoteDeps } from './quote/quote.usecases.ts';
import type { Request } from 'express';
import type { Logger } from './ops/logger.ts';

// The composition root: everything a route or a command needs, built once from config and database.
// Reference data (places, factor sets, rates) is immutable and loaded once per process.
export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  places: PlaceResolver;
  factors: FactorRegistry;
  quote: QuoteDeps;
  // The carbon prices the quote reads (from memory on PostgreSQL: `await prices.refresh()` before serving).
  prices: CarbonPriceBook;
  // The action plan's switches the quote and the missions read (in memory on PostgreSQL, like prices).
  policies: PolicyBook;
  logError?: (err: unknown, req?: Request) => void;
  // Structured request and error logs (src/ops/logger.ts); absent in most tests.
  logger?: Logger;
};

export function buildDeps(base: { config: Config; database: Database; clock: Clock; logError?: (err: unknown, req?: Request) => void; logger?: Logger }): AppDeps {
  // The place index (~0.5 s) loads on first use; src/server.ts may warm it with loadPlaceIndex().
  // Factor sets load (and are validated) here, so an unknown EMPREINTE_FACTOR_SET stops the start.
  const factors = loadFactorRegistry({ defaultSetId: base.config.EMPREINTE_FACTOR_SET });
  const places = createPlaceResolver(loadPlaceIndex);
  const prices = carbonPriceBook(base.database, base.config.EMPREINTE_CARBON_PRICE_CENTS);
  const policies = policyBook(base.database, policyDefaults(base.config));
  const quote: QuoteDeps = {
    places,
    factors,
    carbonPrice: (year) => prices.priceFor(year),
    pricesStamp: () => prices.stamp(),
    policy: quotePolicy(policies, base.config.EMPREINTE_POLICY_RAIL_THRESHOLD_MINUTES),
    policyStamp: () => policies.stamp(),
    slotProfile: slotProfileById(base.config.EMPREINTE_PER_DIEM_PROFILE),
    abroadRows: perDiemAbroadTable(base.config.EMPREINTE_PER_DIEM_ABROAD_FILE),
    clock: base.clock,
  };
  return { ...base, places, factors, quote, prices, policies };
}

// The profile is built again only when a switch changed: the quote asks for it on every request.
function quotePolicy(policies: PolicyBook, railThresholdMinutes: number): () => PolicyProfile {
  let profile: PolicyProfile | undefined;
  return () => {
    const domestic = policies.current().domesticFlightsJustified;
    if (domestic !== profile?.domesticFlightsNeedJustification) profile = defaultPolicyProfile(railThresholdMinutes, domestic);
    return profile;
  };
}

// What the quote reads from memory on PostgreSQL, loaded before a server or a command serves.
export async function loadSettings(deps: Pick<AppDeps, 'prices' | 'policies'>): Promise<void> {
  await Promise.all([deps.prices.refresh(), deps.policies.refresh()]);
}

// Identical quote requests get identical answers while the reference data, the carbon prices and the
// day stay the same: the live form and people pricing the same standard trips ask again and again.
// The serialised answer is kept, least recently used first out, within a bound. It is kept as the
// JSON string, written as is: converting every computed answer to a Buffer for the cache cost more
// (an off-heap allocation and a UTF-8 copy, ~5 µs) than the socket's own encoding of a cached string
// on a hit (server CPU per request under load, `bench/quote.bench.ts`: computed 191 → 184 µs, cached
// unchanged at ~120 µs; with a two-byte answer, 206 → 195 µs).
export const QUOTE_CACHE_MAX_ENTRIES = 500;
// Keys asked once, remembered so that their second request is admitted.
export const QUOTE_CACHE_SEEN_KEYS = 2_000;
const MAX_KEY_LENGTH = 8_192;

export type QuoteCache = { get(key: string): string | undefined; set(key: string, json: string): void; size(): number };

// An answer enters the cache the second time its request is seen. One-off quotes (each fare typed in
// the form) then pass through without pushing out the standard trips people price again and again,
// and without the cost of keeping every answer alive until it is evicted (server CPU per computed
// request under load: 190 → 180 µs). Only keys are remembered for that, in a bounded set: a
// 700-character key rather than a 6 kB answer.
export function createQuoteCache(maxEntries = QUOTE_CACHE_MAX_ENTRIES, maxSeenKeys = QUOTE_CACHE_SEEN_KEYS): QuoteCache {
  const entries = new Map<string, string>();
  const seenOnce = new Set<string>();
  return {
    get(key) {
      const json = entries.get(key);
      if (json !== undefined) {
        entries.delete(key);
        entries.set(key, json);
      }
      return json;
    },
    set(key, json) {
      if (!seenOnce.delete(key)) {
        if (seenOnce.size >= maxSeenKeys) seenOnce.delete(seenOnce.values().next().value!);
        seenOnce.add(key);
        return;
      }
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, json);
    },
    size: () => entries.size,
  };
}

// The key names everything the answer depends on besides immutable reference data (the language of
// its texts included); a body too large
// to be a usual trip is not cached at all.
export function quoteCacheKey(body: unknown, context: { pricesStamp: number; policyStamp: number; parisDate: string; lang: string }): string | null {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch {
    return null; // nested too deep to serialise (RangeError): not a trip, the schema refuses it next
  }
  if (text === undefined || text.length > MAX_KEY_LENGTH) return null;
  return `${context.pricesStamp}|${context.policyStamp}|${context.parisDate}|${context.lang}|${text}`;
}

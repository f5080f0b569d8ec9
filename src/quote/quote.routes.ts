import type { Express } from 'express';
import { body, query } from '../shared/http.ts';
import { rateLimitPerMinute } from '../shared/rate-limit.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import { quoteQuerySchema, quoteRequestSchema } from './quote.schemas.ts';
import { computeQuote, type QuoteDeps } from './quote.usecases.ts';
import { createQuoteCache, quoteCacheKey } from './quote-cache.ts';

// Open without sign-in: anyone may price a trip before asking for it; rate-limited per client.
// Registered on the app itself, not in a Router of its own: entering a sub-router (its closures and
// prefix trimming) is paid by every request, and this is the hottest route.
export function mountQuoteRoute(app: Pick<Express, 'post'>, deps: { quote: QuoteDeps; config: { EMPREINTE_RATE_LIMIT: number } }): void {
  const limit = rateLimitPerMinute(deps.config.EMPREINTE_RATE_LIMIT, (req) => req.ip ?? 'unknown', deps.quote.clock);
  const cache = createQuoteCache();
  app.post('/api/quote', limit, (req, res) => {
    // Only `?lang=`, not Accept-Language: the pages say their language explicitly, and one input keeps
    // the cache and any shared HTTP cache free of a Vary on a header.
    const { lang } = query(req, quoteQuerySchema);
    const context = { lang, pricesStamp: deps.quote.pricesStamp(), policyStamp: deps.quote.policyStamp(), parisDate: parisCalendarDay(deps.quote.clock.nowMs()).isoDate };
    const key = quoteCacheKey(req.body, context);
    let json = key === null ? undefined : cache.get(key);
    res.setHeader('X-Quote-Cache', json === undefined ? 'miss' : 'hit');
    if (json === undefined) {
      json = JSON.stringify(computeQuote(body(req, quoteRequestSchema), deps.quote, lang));
      if (key !== null) cache.set(key, json);
    }
    // Written as is rather than through res.send, which would hash every answer for an ETag: a POST is
    // never revalidated with If-None-Match, so that hash (~4 µs and its garbage) bought nothing.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(json);
  });
}

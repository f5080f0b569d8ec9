import { Router } from 'express';
import { body, query } from '../shared/http.ts';
import { rateLimitPerMinute } from '../shared/rate-limit.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import { quoteQuerySchema, quoteRequestSchema } from './quote.schemas.ts';
import { computeQuote, type QuoteDeps } from './quote.usecases.ts';
import { createQuoteCache, quoteCacheKey } from './quote-cache.ts';

// Open without sign-in: anyone may price a trip before asking for it; rate-limited per client.
export function quoteRouter(deps: { quote: QuoteDeps; config: { EMPREINTE_RATE_LIMIT: number } }): Router {
  const router = Router();
  const limit = rateLimitPerMinute(deps.config.EMPREINTE_RATE_LIMIT, (req) => req.ip ?? 'unknown');
  const cache = createQuoteCache();
  router.post('/api/quote', limit, (req, res) => {
    // Only `?lang=`, not Accept-Language: the pages say their language explicitly, and one input keeps
    // the cache and any shared HTTP cache free of a Vary on a header.
    const { lang } = query(req, quoteQuerySchema);
    const context = { lang, pricesStamp: deps.quote.pricesStamp(), parisDate: parisCalendarDay(deps.quote.clock.now().toMillis()).isoDate };
    const key = quoteCacheKey(req.body, context);
    let json = key === null ? undefined : cache.get(key);
    res.setHeader('X-Quote-Cache', json === undefined ? 'miss' : 'hit');
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(computeQuote(body(req, quoteRequestSchema), deps.quote, lang)));
      if (key !== null) cache.set(key, json);
    }
    res.type('application/json').send(json);
  });
  return router;
}

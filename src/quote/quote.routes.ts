import { Router } from 'express';
import { body } from '../shared/http.ts';
import { rateLimitPerMinute } from '../shared/rate-limit.ts';
import { quoteRequestSchema } from './quote.schemas.ts';
import { computeQuote, type QuoteDeps } from './quote.usecases.ts';

// Open without sign-in: anyone may price a trip before asking for it; rate-limited per client.
export function quoteRouter(deps: { quote: QuoteDeps; config: { EMPREINTE_RATE_LIMIT: number } }): Router {
  const router = Router();
  const limit = rateLimitPerMinute(deps.config.EMPREINTE_RATE_LIMIT, (req) => req.ip ?? 'unknown');
  router.post('/api/quote', limit, (req, res) => {
    res.json(computeQuote(body(req, quoteRequestSchema), deps.quote));
  });
  return router;
}

import { z } from 'zod';

// GET /api/places?q=ales&limit=5&kind=city
export const suggestQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(25).optional(),
  kind: z.enum(['airport', 'city', 'any']).optional(),
});

export type SuggestQuery = z.output<typeof suggestQuerySchema>;

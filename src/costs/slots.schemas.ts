import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM between 00:00 and 23:59');
const window = z
  .object({ start: hhmm, end: hhmm })
  .refine((w) => w.end > w.start, { message: 'a slot ends after it starts, on the same day' });
const coverage = z.enum(['whole', 'any']);

// `coverage` is 'whole' (on mission during the whole slot) or 'any' (during any part of it); a
// string applies to meals and night alike, an object sets them apart (the second profile needs it).
export const slotProfileSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  meals: z
    .array(z.object({ id: z.string().min(1), start: hhmm, end: hhmm }).refine((w) => w.end > w.start, { message: 'a slot ends after it starts' }))
    .min(1)
    .max(4),
  night: window,
  coverage: z
    .union([coverage, z.object({ meals: coverage, night: coverage })])
    .transform((c) => (typeof c === 'string' ? { meals: c, night: c } : c)),
  travelMarginsMinutes: z.object({ train: z.number().int().min(0).max(600), plane: z.number().int().min(0).max(600), boat: z.number().int().min(0).max(600) }).partial().default({}),
  staffRestaurantMealPercent: z.number().int().min(0).max(100).default(50),
  sources: z.array(z.string().min(1)).min(1),
  notes: z.array(z.string()).optional(),
});
export type SlotProfile = z.output<typeof slotProfileSchema>;
export type SlotProfileInput = z.input<typeof slotProfileSchema>;

export const slotProfilesFileSchema = z
  .object({ defaultProfileId: z.string().min(1), profiles: z.array(slotProfileSchema).min(1) })
  .refine((f) => f.profiles.some((p) => p.id === f.defaultProfileId), { message: 'defaultProfileId names no profile' });

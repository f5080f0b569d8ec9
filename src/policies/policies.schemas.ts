import { z } from 'zod';
import { policySwitchKeys } from './policies.models.ts';

export const setPolicySwitchSchema = z.strictObject({
  key: z.enum(policySwitchKeys),
  enabled: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type SetPolicySwitchInput = z.output<typeof setPolicySwitchSchema>;

// The admin page's form, as the browser sends it (strings, plus `_csrf`): one form per switch.
export const policySwitchForm = z.object({
  key: z.enum(policySwitchKeys),
  enabled: z.enum(['on', 'off']).transform((v) => v === 'on'),
  note: z.string().trim().max(500).optional(),
});

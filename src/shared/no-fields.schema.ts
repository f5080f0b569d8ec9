import { z } from 'zod';

// An action that takes no input (disable, close, retry, withdraw) still refuses a body with fields: a
// client sending some expects them to mean something.
export const noFieldsSchema = z.strictObject({});

// Driver errors as the port sees them, whichever engine raised them. drizzle may wrap the driver's
// error (DrizzleQueryError, with the original as `cause`), so both levels are looked at.
const codesOf = (err: unknown): string[] => {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes;
};

// A UNIQUE constraint refused the row: another writer got there first.
export const isUniqueViolation = (err: unknown): boolean => codesOf(err).some((c) => c === 'SQLITE_CONSTRAINT_UNIQUE' || c === '23505');

// PostgreSQL gave up on the transaction to let another one through: running it again is correct.
export const isRetryableConflict = (err: unknown): boolean => codesOf(err).some((c) => c === '40001' || c === '40P01');

// The server is unreachable or went away (refused, reset, shut down, too many clients): a 503, not a 500.
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
export const isDatabaseUnavailable = (err: unknown): boolean => {
  if (codesOf(err).some((c) => unavailableCodes.has(c))) return true;
  const message = String((err as { message?: unknown } | null)?.message ?? '');
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
};

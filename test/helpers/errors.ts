import { AppError } from '../../src/shared/errors.ts';

// The AppError `fn` throws; any other outcome fails the test.
export function thrownAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError to be thrown');
}

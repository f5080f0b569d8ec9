import { AppError } from '../../src/shared/errors.ts';

// The AppError `fn` throws or rejects with; any other outcome fails the test.
export async function thrownAppError(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError to be thrown');
}

import type { RequestHandler } from 'express';
import multer from 'multer';
import { invalid, type AppError } from '../shared/errors.ts';
import { claimErrors, claimTexts } from './claims.errors.ts';
import { MAX_RECEIPT_BYTES, receiptTooLarge } from './receipts.models.ts';

// Multipart bodies of receipt uploads, parsed before the CSRF check so that a form's `_csrf` field is
// read like any other form's. Only for a signed-in person posting to a receipts route: anyone else's
// upload is never buffered. The file stays in memory (5 MiB at most) until the use case stores it.

const uploadPaths = [/^\/api\/missions\/[^/]+\/claim\/receipts$/, /^\/missions\/[^/]+\/claim\/receipts$/];

const parser = multer({
  storage: multer.memoryStorage(),
  // Browsers send the file name as raw UTF-8 without a charset parameter: "Facture hôtel.pdf" must
  // not arrive as "Facture hÃ´tel.pdf" (busboy's default reads such parameters as latin1).
  defParamCharset: 'utf8',
  limits: { fileSize: MAX_RECEIPT_BYTES, files: 1, fields: 8, fieldSize: 4096, parts: 9, headerPairs: 50 },
}).single('file');

function toAppError(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') return receiptTooLarge();
  if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') return invalid('file', claimTexts.oneFile());
  if (code?.startsWith('LIMIT_')) return claimErrors.formTooLarge({}, [{ path: '(body)', message: code }]);
  // busboy's own refusals (a malformed part, a body cut short) are the client's too.
  return claimErrors.malformedMultipart({}, [{ path: '(body)', message: 'malformed multipart body' }]);
}

export const receiptUploads: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !req.user || !req.is('multipart/form-data') || !uploadPaths.some((p) => p.test(req.path))) return next();
  parser(req, res, (err: unknown) => next(err ? toAppError(err) : undefined));
};

import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../shared/errors.ts';
import { MAX_RECEIPT_BYTES } from './receipts.models.ts';

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
  if (code === 'LIMIT_FILE_SIZE') {
    const message = `Un justificatif pèse au plus ${MAX_RECEIPT_BYTES / 1024 / 1024} Mo.`;
    return new AppError('receipt.too_large', message, [{ path: 'file', message }], 413);
  }
  if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') return new AppError('validation.invalid', 'Envoyez un seul fichier, dans le champ « file ».', [{ path: 'file', message: 'one file, in the field "file"' }]);
  if (code?.startsWith('LIMIT_')) return new AppError('payload.too_large', 'Formulaire trop volumineux', [{ path: '(body)', message: code }], 413);
  // busboy's own refusals (a malformed part, a body cut short) are the client's too.
  return new AppError('validation.malformed_request', 'Corps multipart illisible', [{ path: '(body)', message: 'malformed multipart body' }], 400);
}

export const receiptUploads: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !req.user || !req.is('multipart/form-data') || !uploadPaths.some((p) => p.test(req.path))) return next();
  parser(req, res, (err: unknown) => next(err ? toAppError(err) : undefined));
};

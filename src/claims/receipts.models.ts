import { onField, type AppError, type ErrorFactory, type TextRef } from '../shared/errors.ts';
import { claimErrors, claimTexts } from './claims.errors.ts';

// Receipts are what the traveller uploads to prove an expense: PDF, JPEG or PNG. The type is read
// from the bytes (their signature), never from the name or the browser's declared type, and a file
// declared as one type whose bytes are another is refused: a "PDF" that is not a PDF is an error of
// the traveller's or an attack, and the secretariat's browser must never be handed something else.

export const receiptTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReceiptType = (typeof receiptTypes)[number];

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024; // a scanned hotel bill or a phone photo fits in 5 MiB
export const MAX_RECEIPTS_PER_CLAIM = 20;
export const FILE_NAME_MAX_CHARS = 120;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

// PDF: "%PDF-" (ISO 32000-1 §7.5.2, within the first bytes); JPEG: SOI + a marker (FF D8 FF);
// PNG: the 8-byte signature of RFC 2083 §3.1.
export function sniffReceiptType(bytes: Uint8Array): ReceiptType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

const byExtension: Record<string, ReceiptType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const declaredTypes: Record<string, ReceiptType> = { 'application/pdf': 'application/pdf', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/png': 'image/png' };

// What the upload claimed to be, from its type or its extension; null when it claimed nothing usable
// (application/octet-stream from a script, no extension).
export function declaredReceiptType(fileName: string, mimeType: string | undefined): ReceiptType | null {
  const declared = mimeType ? declaredTypes[mimeType.toLowerCase()] : undefined;
  if (declared) return declared;
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? (byExtension[extension] ?? null) : null;
}

const refused = (factory: ErrorFactory, reason: TextRef) => onField(factory, 'file', reason);

export function checkReceipt(bytes: Uint8Array, fileName: string, mimeType: string | undefined): ReceiptType {
  if (bytes.length === 0) throw refused(claimErrors.receiptEmpty, claimTexts.emptyFile());
  if (bytes.length > MAX_RECEIPT_BYTES) throw receiptTooLarge();
  const sniffed = sniffReceiptType(bytes);
  if (!sniffed) throw refused(claimErrors.receiptUnsupportedType, claimTexts.unsupportedType());
  const declared = declaredReceiptType(fileName, mimeType);
  if (declared && declared !== sniffed) {
    throw refused(claimErrors.receiptTypeMismatch, claimTexts.typeMismatch({ declared: label(declared), actual: label(sniffed) }));
  }
  return sniffed;
}

const label = (type: ReceiptType): TextRef => (type === 'application/pdf' ? claimTexts.pdf() : type === 'image/jpeg' ? claimTexts.jpeg() : claimTexts.png());

export const receiptTooLarge = (): AppError => refused(claimErrors.receiptTooLarge, claimTexts.tooLarge({ megabytes: MAX_RECEIPT_BYTES / 1024 / 1024 }));

// The name shown and offered on download: no path, no control or quoting characters, bounded.
export function safeFileName(raw: string, type: ReceiptType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, FILE_NAME_MAX_CHARS);
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned;
  return `justificatif.${type === 'application/pdf' ? 'pdf' : type === 'image/jpeg' ? 'jpg' : 'png'}`;
}

import { createHash, createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// Passwords: scrypt with a per-password salt; the parameters travel inside the stored string
// (`scrypt$N$r$p$salt$hash`) so they can be raised later without invalidating existing hashes.
export type ScryptParams = { N: number; r: number; p: number };

// OWASP's scrypt equivalents list N=2^15, r=8, p=3 (32 MiB per hash): strong, yet bounded memory.
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;

const maxmemFor = ({ N, r }: ScryptParams) => 128 * N * r * 2;

function encode(params: ScryptParams, salt: Buffer, hash: Buffer): string {
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem: maxmemFor(params) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

// Async so that hashing runs on libuv's pool and never stalls other requests.
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(params, salt, await scryptAsync(password, salt, params));
}

// For seeding tests and fixtures only, with cheap parameters.
export function hashPasswordSync(password: string, params: ScryptParams = defaultScryptParams): string {
  const salt = randomBytes(SALT_BYTES);
  return encode(params, salt, scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem: maxmemFor(params) }));
}

type Parsed = { params: ScryptParams; salt: Buffer; hash: Buffer };

function parseHash(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Refuse absurd parameters: a tampered row must not make one sign-in eat the server's memory.
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || p > 16) return null;
  if (128 * N * r > MAX_SCRYPT_MEMORY_BYTES) return null;
  return { params: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), hash: Buffer.from(parts[5]!, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length !== KEY_BYTES) return false;
  const candidate = await scryptAsync(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

// Verifying against a throwaway hash when the account does not exist keeps the response time the
// same, so timing does not reveal which emails have accounts.
let decoy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<false> {
  decoy ??= hashPassword('decoy-password-never-matches');
  await verifyPassword(password, await decoy);
  return false;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function hmacToken(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

// API tokens carry a recognisable prefix so that secret scanners and people can spot a leaked one.
export const API_TOKEN_PREFIX = 'emp_';
export function newApiToken(): string {
  return API_TOKEN_PREFIX + randomToken(32);
}

import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword } from '../../src/auth/auth.crypto.ts';
import { FAST_SCRYPT } from '../helpers/auth.ts';

describe('password hashing', () => {
  it('stores scrypt parameters and a random salt in the hash string, and verifies only the right password', async () => {
    const hash = await hashPassword('une phrase de passe assez longue', FAST_SCRYPT);
    const [scheme, N, r, p, salt, key] = hash.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    // 16 salt bytes and 32 key bytes in base64url without padding: ceil(16 * 4 / 3) = 22 and ceil(32 * 4 / 3) = 43 characters.
    expect(salt).toHaveLength(22);
    expect(key).toHaveLength(43);
    expect(await verifyPassword('une phrase de passe assez longue', hash)).toBe(true);
    expect(await verifyPassword('une phrase de passe assez longuE', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash: the same password twice gives two different strings, both valid', async () => {
    const a = hashPasswordSync('same password here', FAST_SCRYPT);
    const b = hashPasswordSync('same password here', FAST_SCRYPT);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('uses strong default parameters (N = 2^15, r = 8, p = 3)', async () => {
    const hash = await hashPassword('default parameters!');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '3']);
    expect(await verifyPassword('default parameters!', hash)).toBe(true);
  });

  it('refuses malformed or tampered hash strings instead of throwing', async () => {
    const hash = hashPasswordSync('tamper with me please', FAST_SCRYPT);
    const parts = hash.split('$');
    expect(await verifyPassword('tamper with me please', 'plain-text')).toBe(false);
    expect(await verifyPassword('tamper with me please', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    // N not a power of two, or asking for 128 * 2^22 * 8 bytes = 4 GiB of memory: refused before hashing.
    expect(await verifyPassword('tamper with me please', ['scrypt', '1000', ...parts.slice(2)].join('$'))).toBe(false);
    expect(await verifyPassword('tamper with me please', ['scrypt', String(2 ** 22), ...parts.slice(2)].join('$'))).toBe(false);
    // Same parameters, other key: a clean mismatch.
    expect(await verifyPassword('tamper with me please', [...parts.slice(0, 5), 'A'.repeat(43)].join('$'))).toBe(false);
  });
});

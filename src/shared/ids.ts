import { randomBytes } from 'node:crypto';

// Prefixed, opaque, unguessable ids: the prefix tells a reader the kind, the 12 random bytes (96 bits)
// make enumeration by guessing hopeless.
export type IdPrefix = 'msn' | 'leg' | 'usr' | 'ent' | 'bgl' | 'acc' | 'txf' | 'prj' | 'tok' | 'aud' | 'imp' | 'ses' | 'cpr' | 'clm' | 'rcp' | 'ntf' | 'aps' | 'apv' | 'apr' | 'apd' | 'quo' | 'pol' | 'vrc' | 'vrw';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

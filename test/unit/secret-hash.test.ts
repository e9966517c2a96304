import { sha256 } from '@oslojs/crypto/sha2';
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/lib/secret-hash.js';

describe('hashSecret', () => {
  it('gives the bytes stored before it, by @oslojs/crypto, so existing sessions, tokens and keys still match', () => {
    for (const secret of ['odnyx4uxkzj2ew43kvyzzymi', '', 'é✓ 🔥', 'x'.repeat(1000)]) {
      expect(hashSecret(secret).equals(Buffer.from(sha256(new TextEncoder().encode(secret))))).toBe(true);
    }
    expect(hashSecret('abc').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

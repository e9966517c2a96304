import { randomFillSync } from 'node:crypto';

// Every page gets a CSP nonce and every signed-in page a form token: filling one buffer from the
// CSPRNG and slicing it costs a fraction of a randomBytes() call each (a fresh Buffer and a
// native call every time). Each byte is handed out once.
const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

/** `length` fresh random bytes (at most 64), encoded. */
export function randomString(length: number, encoding: 'base64' | 'base64url'): string {
  if (offset + length > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const value = pool.toString(encoding, offset, offset + length);
  offset += length;
  return value;
}

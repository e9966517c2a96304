import { createHash } from 'node:crypto';

/**
 * SHA-256 of a token's secret part, as stored for sessions, e-mail tokens and API keys (Lucia's
 * design: a leaked table cannot be replayed). Node's own hash, not @oslojs/crypto's portable
 * JavaScript one: the same bytes in ~1.4 µs instead of ~3.2 µs, on every signed-in request.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

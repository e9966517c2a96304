import { hash } from 'node:crypto';

/**
 * SHA-256 of a token's secret part, as stored for sessions, e-mail tokens and API keys (Lucia's
 * design: a leaked table cannot be replayed). Node's one-shot hash: the same bytes as a Hash
 * object's, without building one (~1.7 µs against ~8.8 µs measured under load; @oslojs/crypto's
 * portable JavaScript one is slower still), on every signed-in request.
 */
export function hashSecret(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

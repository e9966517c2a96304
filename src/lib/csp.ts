import { randomBytes } from 'node:crypto';
import { randomString } from './random-pool.js';

// Content-Security-Policy with a fresh nonce on every response (docs/decisions/0008-csp-nonces.md).
// Views write NONCE_PLACEHOLDER where a nonce goes; the response path swaps in the fresh one, so
// a page rendered once (the anonymous page cache) still gets a new nonce each time it is served.
// The placeholder is random per process: no member can type it into a post and have it replaced.

export const NONCE_PLACEHOLDER = `hearth-nonce-${randomBytes(12).toString('hex')}`;

/** 128 random bits, base64 (the CSP nonce-source grammar), different on every call. */
export function newNonce(): string {
  return randomString(16, 'base64');
}

// Every page of the site: never framed; scripts from this origin or carrying this response's nonce.
// Joined once: the policy is sent with every response, cached pages included.
const [PAGE_CSP_BEFORE, PAGE_CSP_AFTER] = [
  "default-src 'self'",
  "script-src 'self' 'nonce-NONCE'",
  "style-src 'self'",
  // Members may embed https images in posts (the sanitizer drops everything else).
  "img-src 'self' https: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]
  .join('; ')
  .split('NONCE') as [string, string];

/** The page policy with this response's nonce. */
export function pageCsp(nonce: string): string {
  return PAGE_CSP_BEFORE + nonce + PAGE_CSP_AFTER;
}

/**
 * Embed frames: framed only by the allowed sites. The frame's script may talk to this origin only
 * (signing in and replying, ADR 0049); forms stay off, the script sends them.
 */
export function frameCsp(nonce: string, ancestors: readonly string[]): string {
  const allowed = ancestors.length > 0 ? ancestors.join(' ') : "'none'";
  return `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors ${allowed}`;
}

/** The page with this response's nonce in place of every placeholder. */
export function withNonce(body: string, nonce: string): string {
  return body.includes(NONCE_PLACEHOLDER) ? body.split(NONCE_PLACEHOLDER).join(nonce) : body;
}

/** UTF-8 pieces of a page around its nonce placeholders: serving it is a concat with the nonce. */
export type NonceParts = Buffer<ArrayBuffer>[];

/** UTF-8 pieces of a page around its placeholders, so serving it is a concat with the nonce. */
export function splitAtNonces(body: string): NonceParts {
  return body.split(NONCE_PLACEHOLDER).map(ownBytes);
}

/**
 * The text's UTF-8 bytes in a buffer of their own. Buffer.from() slices short texts out of a
 * shared 8 KB slab, and a kept slice keeps its whole slab alive (with whatever else was cut from
 * it): kept pages and fragments holding 1–2 KB each then cost several times their size.
 */
function ownBytes(text: string): Buffer<ArrayBuffer> {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return bytes;
}

export function joinWithNonce(parts: readonly Buffer<ArrayBuffer>[], nonce: string): Buffer<ArrayBuffer> {
  if (parts.length === 1) return parts[0]!;
  const nonceBytes = Buffer.from(nonce, 'latin1');
  const pieces: Buffer<ArrayBuffer>[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(nonceBytes);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** Feeds, sitemaps, icons and robots.txt: not pages, so a document opened from them may do nothing at all. */
export const resourceCsp = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { loggedPath } from './log.js';

// Headers every response carries, in one place for the router (src/app.ts) and for cached pages
// served before it (src/lib/cached-pages.ts), so both send exactly the same set.

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** A proxy's request id is kept so one request can be followed across both logs. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

/** Security headers independent of the request (the CSP, which carries a nonce, is set apart). */
export function staticSecurityHeaders(config: Pick<Config, 'secureCookies'>): [string, string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
    ...(config.secureCookies ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
  ];
}

/** `client` is the address as LOG_IP lets it be logged (src/lib/logged-address.ts), or undefined. */
export type AccessLogLine = { id: string; method: string; path: string; status: number; started: number; user: number | null; client: string | undefined };

/** One JSON line; path only (query strings can carry search terms and tokens), with secret parts redacted. */
export function accessLogLine(entry: AccessLogLine): string {
  const ms = Math.round((performance.now() - entry.started) * 10) / 10;
  const { id, method, status, user, client } = entry;
  return JSON.stringify({ time: new Date().toISOString(), id, method, path: loggedPath(entry.path), status, ms, user, client });
}

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

let lastMillisecond = 0;
let lastTime = '';

/** The time as ISO 8601, formatted once per millisecond however many requests it saw. */
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMillisecond) {
    lastMillisecond = now;
    lastTime = new Date(now).toISOString();
  }
  return lastTime;
}

/**
 * One JSON line; path only (query strings can carry search terms and tokens), with secret parts
 * redacted. Assembled field by field, each string through JSON.stringify: the same text as
 * stringifying the whole object (no client key when it is not logged) at a fraction of the cost,
 * which every request pays.
 */
export function accessLogLine(entry: AccessLogLine): string {
  const ms = Math.round((performance.now() - entry.started) * 10) / 10;
  const { id, method, status, user, client } = entry;
  const clientField = client === undefined ? '' : `,"client":${JSON.stringify(client)}`;
  return `{"time":"${isoTime()}","id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"path":${JSON.stringify(loggedPath(entry.path))},"status":${status},"ms":${ms},"user":${user}${clientField}}`;
}

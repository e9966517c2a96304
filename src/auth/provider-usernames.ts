import type { Db } from '../db/client.js';
import type { Tx } from '../forum/counters.js';
import { usernameKeyTaken } from '../profiles/username-keys.js';
import { USERNAME_MAX, USERNAME_MIN, usernameError } from './accounts.js';

/** Claims a username is taken from, in order of preference. */
export type NameClaims = Record<string, unknown>;

/** Folds a claim into our username alphabet (ASCII letters, digits, `_`, `-`), or '' when too little is left. */
export function usernameFromText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const folded = value
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // é → e: accents dropped rather than the whole letter
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, USERNAME_MAX);
  return usernameError(folded) ? '' : folded;
}

/** The first claim that makes a valid username: preferred_username, nickname, name, the address's local part. */
export function usernameCandidate(claims: NameClaims): string {
  const local = typeof claims['email'] === 'string' ? claims['email'].split('@')[0] : undefined;
  for (const value of [claims['preferred_username'], claims['nickname'], claims['name'], local]) {
    const candidate = usernameFromText(value);
    if (candidate.length >= USERNAME_MIN) return candidate;
  }
  return 'member';
}

function taken(db: Db | Tx, name: string): boolean {
  return usernameKeyTaken(db, name.toLowerCase());
}

/** `candidate`, or it with the smallest number after it (shortened to fit) that no account has. */
export function uniqueUsername(db: Db | Tx, candidate: string): string {
  if (!taken(db, candidate)) return candidate;
  for (let suffix = 2; ; suffix += 1) {
    const name = `${candidate.slice(0, USERNAME_MAX - String(suffix).length)}${suffix}`;
    if (!taken(db, name)) return name;
  }
}

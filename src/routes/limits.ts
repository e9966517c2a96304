import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isStaff } from '../forum/permissions.js';
import { rules } from '../lib/rate-limit.js';
import type { AppEnv } from './env.js';

const DAY = 24 * 60 * 60_000;

/** The client's address as the socket reports it (requests made in-process have none). */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * New threads and replies; staff are not limited, members in their first day are limited hardest.
 * Returns a function that gives the allowance back, for a post that was not made after all.
 */
export function limitPosting(c: Context<AppEnv>): () => void {
  const viewer = c.get('viewer');
  if (viewer === null || isStaff(viewer)) return () => undefined;
  const isNew = c.get('services').now() - viewer.createdAt < DAY;
  const rule = isNew ? rules.postPerNewMember : rules.postPerMember;
  const key = `post:${viewer.id}`;
  c.get('limits').take(key, rule);
  return () => c.get('limits').refund(key, rule);
}

/** Flags per member; like limitPosting, returns a function that gives the allowance back for a flag that was not made. */
export function limitFlagging(c: Context<AppEnv>): () => void {
  const viewer = c.get('viewer');
  if (!viewer) return () => undefined;
  const key = `flag:${viewer.id}`;
  c.get('limits').take(key, rules.flagPerMember);
  return () => c.get('limits').refund(key, rules.flagPerMember);
}

export function limitSearch(c: Context<AppEnv>): void {
  c.get('limits').take(`search:${clientAddress(c)}`, rules.searchPerIp);
}

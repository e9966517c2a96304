import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isStaff } from '../forum/permissions.js';
import { resolveClient } from '../lib/client-address.js';
import { rules } from '../lib/rate-limit.js';
import type { AppEnv } from './env.js';

const DAY = 24 * 60 * 60_000;

/**
 * The client's address: the socket's peer, or what trusted proxies forwarded (TRUST_PROXY,
 * src/lib/client-address.ts). Requests made in-process have no socket: 'unknown'.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const headers = { forwardedFor: c.req.header('x-forwarded-for'), forwarded: c.req.header('forwarded'), forwardedProto: c.req.header('x-forwarded-proto') };
  return resolveClient(socketAddress(c), headers, c.get('config').trustProxy).address;
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
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

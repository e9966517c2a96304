import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import type { PollData } from './read.js';

/*
 * A poll that closes by date changes its thread's page (the form goes, hidden results show) with no
 * write to bump the thread's version. So the anonymous page's cache version carries a mark: how
 * many of the thread's closing dates have passed. Each process notes the dates when it reads the
 * polls (with the page's shared reads) and checks them with a Map lookup on every cached view; no
 * query is added to the cache's hot path. Every process computes the same mark from the same rows
 * and time, so their ETags agree.
 */

type Noted = { version: number; closing: number[] };
const MAX_NOTED = 10_000;
const notedOf = perDatabase((): Map<number, Noted> => new Map());

/** Notes the closing dates of a thread's open polls, as read at `version`. */
export function noteClosingDates(db: Db, threadId: number, version: number, polls: readonly PollData[]): void {
  const closing = polls.filter((poll) => poll.closedAt === null && poll.closesAt !== null).map((poll) => poll.closesAt!);
  const noted = notedOf(db);
  if (closing.length === 0) {
    noted.delete(threadId);
    return;
  }
  if (noted.size >= MAX_NOTED) noted.clear();
  noted.set(threadId, { version, closing });
}

/** The page version with the mark of closing dates passed at `now` (unchanged for threads without any). */
export function withClosingMark(db: Db, threadId: number, version: string, now: number): string {
  const noted = notedOf(db).get(threadId);
  if (noted === undefined || String(noted.version) !== version) return version;
  let passed = 0;
  for (const at of noted.closing) if (at <= now) passed++;
  return passed === 0 ? version : `${version}.${passed}`;
}

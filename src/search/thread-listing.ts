import type { Statement } from 'better-sqlite3';
import { perDatabase } from '../db/prepared.js';

/**
 * Results are threads, not posts: a thread whose every reply says "descale" is one result. The
 * matching posts are read in order (newest first, or by relevance inside the ranked window) and
 * grouped by thread as they come: a thread's first post read is its best, and gives the excerpt;
 * the rest are its "more matches".
 *
 * What is read is bounded, so a common word stays cheap at a million posts: best match reads the
 * ranked window (the newest RANKED_WINDOW matches, see search.ts), newest first reads the newest
 * EXAMINED_MATCHES visible matches. Threads and their matches are counted among what was read,
 * and the page says so when that was not every match. Measured at 1M posts: reading 1,000
 * matches costs ~2 ms of CPU (2,000: ~4–5 ms); counting each shown thread's matches through its
 * own posts instead costs a full-text lookup per post, ~50 ms for a page of long threads.
 */
export const EXAMINED_MATCHES = 1000;

/** Every post a result can show and every filter a search can have: tested per matched row. */
export const visible = `p.status = 'published' AND t.status = 'published' AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (@category IS NULL OR c.slug = @category) AND (@author IS NULL OR u.username_key = @author)
  AND (@solved IS NULL OR (@solved = 1 AND t.solved_post_id IS NOT NULL) OR (@solved = 0 AND t.solved_post_id IS NULL AND c.kind = 'questions'))`;
// Filters are parameters tested per matched row, never indexed conditions: the FTS match stays the
// driving loop (newest rowids first, or the ranked window), so a filter cannot turn into a scan.
const joins = `JOIN posts p ON p.id = s.rowid JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = p.author_id`;

export type ListingStatements = { newest: Statement; ranked: Statement };

/** Only ids are read while grouping; the few posts shown are loaded afterwards, by id. */
export const listingStatements = perDatabase((db): ListingStatements => {
  const client = db.$client;
  return {
    newest: client
      .prepare(`SELECT s.rowid, p.thread_id FROM post_search s ${joins} WHERE post_search MATCH @match AND ${visible} ORDER BY s.rowid DESC LIMIT ${EXAMINED_MATCHES}`)
      .raw(),
    ranked: client
      .prepare(
        `SELECT s.rowid, p.thread_id FROM post_search s ${joins} WHERE post_search MATCH @match AND s.rowid >= @cutoff AND ${visible}
         ORDER BY bm25(post_search, 4.0, 1.0), s.rowid DESC`,
      )
      .raw(),
  };
});

/** One result: the thread, its best matching post, and how many of its other posts matched among those read. */
export type ThreadHit = { postId: number; threadId: number; moreMatches: number };

/** `hits`: at most `limit` + 1 threads, in the order their best posts were read; `read`: how many matches were read. */
export type ThreadListing = { hits: ThreadHit[]; read: number };

export type ListingParams = { match: string; category: string | null; author: string | null; solved: number | null };

/** Groups the matching posts a statement reads, best first, into threads (at most `limit` + 1 of them). */
export function listThreads(statement: Statement, params: ListingParams & { cutoff?: number }, limit: number): ThreadListing {
  const byThread = new Map<number, ThreadHit>();
  let read = 0;
  for (const [postId, threadId] of statement.iterate(params) as IterableIterator<[number, number]>) {
    read++;
    const hit = byThread.get(threadId);
    if (hit) hit.moreMatches++;
    else if (byThread.size <= limit) byThread.set(threadId, { postId, threadId, moreMatches: 0 });
  }
  return { hits: [...byThread.values()], read };
}

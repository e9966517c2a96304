import type { Statement } from 'better-sqlite3';
import { usernameKey } from '../auth/accounts.js';
import type { ServiceContext } from '../lib/context.js';
import type { SafeHtml } from '../lib/safe-html.js';
import { parseSearchQuery } from './query.js';
import { reuseWhileUnchanged } from './result-cache.js';
import { snippet } from './snippet.js';
import { perDatabase } from '../db/prepared.js';
import { EXAMINED_MATCHES, listingStatements, listThreads, type ListingParams, type ThreadListing } from './thread-listing.js';

export const RESULTS_PER_PAGE = 20;
export const MAX_PAGES = 25;
/** Results are counted up to this many (every page's worth); past it the page says "more than". */
export const MAX_RESULTS = RESULTS_PER_PAGE * MAX_PAGES;
/**
 * Relevance ranks only the newest this-many matches: bm25 over every match of a common word is too
 * slow. At 1M posts ranking 5,000 cost ~45 ms of CPU for a common word, 1,000 ~15 ms (most of
 * which is bm25 counting the term's documents for its IDF, whatever the window).
 */
export const RANKED_WINDOW = 1000;
/**
 * Words in more than this share of recent posts are ordered newest first even when relevance is
 * asked for: bm25 reads the whole doclist of every query term for its IDF (~20–30 ms for a word in
 * a third of 1M posts), and for such words relevance says little. The share is read off the ranked
 * window for free: its newest RANKED_WINDOW matches span this many of the latest posts.
 */
export const COMMON_SHARE = 0.15;
/** …and only when that share of the whole community is this many posts: below it bm25 stays cheap. */
export const COMMON_MATCHES = 50_000;

/** Would ranking cost too much? `span`: how many of the latest posts hold the newest RANKED_WINDOW matches (Infinity: fewer matches than that). */
export function tooCommonToRank(span: number, latestPostId: number): boolean {
  const share = RANKED_WINDOW / span;
  return share > COMMON_SHARE && share * latestPostId > COMMON_MATCHES;
}

export const searchSorts = ['relevance', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** `solved`: true for solved threads only, false for unsolved questions only, null for any. */
export type SearchInput = { q: string; category?: string | undefined; author?: string | undefined; solved?: boolean | null; sort: SearchSort; page: number };

/** One thread: its best matching post gives the excerpt and the link; `moreMatches` counts its other matching posts among those read. */
export type SearchResult = {
  postId: number;
  number: number;
  createdAt: number;
  snippet: SafeHtml;
  thread: { id: number; title: string; slug: string; solved: boolean; ideaStatus?: { key: string; name: string | null } };
  category: { slug: string; name: string };
  author: string;
  moreMatches: number;
};

/**
 * How many threads matched: `capped`, more than `count` (the listing stops at MAX_RESULTS);
 * `complete`, every match was read — else the search read only the newest (thread-listing.ts),
 * so older posts may add threads, and matches to the threads shown.
 */
export type SearchTotal = { count: number; capped: boolean; complete: boolean };

/** `order` is the order applied: newest, when relevance was asked for words too common to rank. */
export type SearchPage = { results: SearchResult[]; hasMore: boolean; page: number; terms: string[]; searched: boolean; order: SearchSort; total: SearchTotal };

type Statements = { cutoff: Statement; latest: Statement; shown: Statement };

export const statements = perDatabase((db): Statements => {
  const client = db.$client;
  return {
    cutoff: client.prepare(`SELECT rowid FROM post_search WHERE post_search MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_WINDOW - 1}`),
    latest: client.prepare('SELECT max(id) FROM posts').pluck(),
    // The page's posts, by id (a JSON array): what the listing chose is shown, whatever the order here.
    shown: client.prepare(
      `SELECT p.id AS postId, p.number AS number, p.created_at AS createdAt, p.body_text AS bodyText, t.id AS threadId, t.title AS title,
         t.slug AS slug, t.solved_post_id IS NOT NULL AS solved, c.slug AS categorySlug, c.name AS categoryName, u.username AS author,
         s.key AS statusKey, s.name AS statusName
       FROM posts p JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = p.author_id
         LEFT JOIN idea_statuses s ON s.id = t.idea_status_id
       WHERE p.id IN (SELECT value FROM json_each(@ids))`,
    ),
  };
});

type Row = { postId: number; number: number; createdAt: number; bodyText: string; threadId: number; title: string; slug: string; solved: number; categorySlug: string; categoryName: string; author: string; statusKey: string | null; statusName: string | null };

type Listing = ThreadListing & { order: SearchSort; examinedAll: boolean };

/** Every thread a query finds (up to MAX_RESULTS + 1), in order; shared by all its pages. */
function listing(ctx: ServiceContext, sort: SearchSort, params: ListingParams): Listing {
  const { cutoff, latest } = statements(ctx.db);
  const { newest, ranked } = listingStatements(ctx.db);
  const byNewest = (): Listing => {
    const found = listThreads(newest, params, MAX_RESULTS);
    return { ...found, order: 'newest', examinedAll: found.read < EXAMINED_MATCHES };
  };
  if (sort === 'newest') return byNewest();
  const edge = cutoff.get({ match: params.match }) as { rowid: number } | undefined;
  const latestPostId = edge ? (latest.get() as number) : 0;
  if (edge && tooCommonToRank(latestPostId - edge.rowid + 1, latestPostId)) return byNewest();
  // Without an edge the query has fewer matches than the window: all of them are ranked.
  return { ...listThreads(ranked, { ...params, cutoff: edge?.rowid ?? 0 }, MAX_RESULTS), order: 'relevance', examinedAll: edge === undefined };
}

function total(found: Listing): SearchTotal {
  return { count: Math.min(found.hits.length, MAX_RESULTS), capped: found.hits.length > MAX_RESULTS, complete: found.examinedAll };
}

/** Full-text search over what the public may read (pending, hidden and deleted posts never match), one result per thread. */
export function searchPosts(ctx: ServiceContext, input: SearchInput): SearchPage {
  const parsed = parseSearchQuery(input.q);
  const page = Math.min(Math.max(1, input.page), MAX_PAGES);
  if (!parsed) return { results: [], hasMore: false, page, terms: [], searched: false, order: input.sort, total: { count: 0, capped: false, complete: true } };
  const params: ListingParams = {
    match: parsed.match,
    category: input.category || null,
    author: input.author ? usernameKey(input.author) : null,
    solved: input.solved === true ? 1 : input.solved === false ? 0 : null,
  };
  const key = JSON.stringify([input.sort, params]);
  return reuseWhileUnchanged(ctx.db, `${key} page ${page}`, () => {
    const found = reuseWhileUnchanged(ctx.db, key, () => listing(ctx, input.sort, params));
    const hits = found.hits.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
    const rows = new Map((statements(ctx.db).shown.all({ ids: JSON.stringify(hits.map((hit) => hit.postId)) }) as Row[]).map((row) => [row.postId, row]));
    const results = hits.flatMap((hit) => {
      const row = rows.get(hit.postId);
      return row ? [toResult(row, hit.moreMatches, parsed.terms)] : [];
    });
    const hasMore = found.hits.length > page * RESULTS_PER_PAGE && page < MAX_PAGES;
    return { results, hasMore, page, terms: parsed.terms, searched: true, order: found.order, total: total(found) };
  });
}

function toResult(row: Row, moreMatches: number, terms: string[]): SearchResult {
  return {
    postId: row.postId,
    number: row.number,
    createdAt: row.createdAt,
    snippet: snippet(row.bodyText, terms),
    thread: { id: row.threadId, title: row.title, slug: row.slug, solved: row.solved === 1, ...(row.statusKey !== null ? { ideaStatus: { key: row.statusKey, name: row.statusName } } : {}) },
    category: { slug: row.categorySlug, name: row.categoryName },
    author: row.author,
    moreMatches,
  };
}

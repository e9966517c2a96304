import type { Statement } from 'better-sqlite3';
import { usernameKey } from '../auth/accounts.js';
import type { ServiceContext } from '../lib/context.js';
import type { SafeHtml } from '../lib/safe-html.js';
import { parseSearchQuery } from './query.js';
import { reuseWhileUnchanged } from './result-cache.js';
import { snippet } from './snippet.js';
import { perDatabase } from '../db/prepared.js';

export const RESULTS_PER_PAGE = 20;
export const MAX_PAGES = 25;
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

export type SearchResult = {
  postId: number;
  number: number;
  createdAt: number;
  snippet: SafeHtml;
  thread: { id: number; title: string; slug: string; solved: boolean };
  category: { slug: string; name: string };
  author: string;
};

/** `order` is the order applied: newest, when relevance was asked for words too common to rank. */
export type SearchPage = { results: SearchResult[]; hasMore: boolean; page: number; terms: string[]; searched: boolean; order: SearchSort };

const visible = `p.status = 'published' AND t.status = 'published' AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (@category IS NULL OR c.slug = @category) AND (@author IS NULL OR u.username_key = @author)
  AND (@solved IS NULL OR (@solved = 1 AND t.solved_post_id IS NOT NULL) OR (@solved = 0 AND t.solved_post_id IS NULL AND c.kind = 'questions'))`;
// Filters are parameters tested per matched row, never indexed conditions: the FTS match stays the
// driving loop (newest rowids first, or the ranked window), so a filter cannot turn into a scan.
const columns = `p.id AS postId, p.number AS number, p.created_at AS createdAt, p.body_text AS bodyText, t.id AS threadId, t.title AS title,
  t.slug AS slug, t.solved_post_id IS NOT NULL AS solved, c.slug AS categorySlug, c.name AS categoryName, u.username AS author`;
const joins = `JOIN posts p ON p.id = s.rowid JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = p.author_id`;

type Statements = { newest: Statement; ranked: Statement; cutoff: Statement; latest: Statement };

export const statements = perDatabase((db): Statements => {
  const client = db.$client;
  return {
    newest: client.prepare(`SELECT ${columns} FROM post_search s ${joins} WHERE post_search MATCH @match AND ${visible} ORDER BY s.rowid DESC LIMIT @limit OFFSET @offset`),
    cutoff: client.prepare(`SELECT rowid FROM post_search WHERE post_search MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_WINDOW - 1}`),
    latest: client.prepare('SELECT max(id) FROM posts').pluck(),
    ranked: client.prepare(
      `SELECT ${columns} FROM post_search s ${joins} WHERE post_search MATCH @match AND s.rowid >= @cutoff AND ${visible}
       ORDER BY bm25(post_search, 4.0, 1.0), s.rowid DESC LIMIT @limit OFFSET @offset`,
    ),
  };
});

type Row = { postId: number; number: number; createdAt: number; bodyText: string; threadId: number; title: string; slug: string; solved: number; categorySlug: string; categoryName: string; author: string };

/** Full-text search over what the public may read (pending, hidden and deleted posts never match). */
export function searchPosts(ctx: ServiceContext, input: SearchInput): SearchPage {
  const parsed = parseSearchQuery(input.q);
  const page = Math.min(Math.max(1, input.page), MAX_PAGES);
  if (!parsed) return { results: [], hasMore: false, page, terms: [], searched: false, order: input.sort };
  const { newest, ranked, cutoff, latest } = statements(ctx.db);
  const params = {
    match: parsed.match,
    category: input.category || null,
    author: input.author ? usernameKey(input.author) : null,
    solved: input.solved === true ? 1 : input.solved === false ? 0 : null,
    limit: RESULTS_PER_PAGE + 1,
    offset: (page - 1) * RESULTS_PER_PAGE,
  };
  return reuseWhileUnchanged(ctx.db, JSON.stringify([input.sort, params]), () => {
    let rows: Row[];
    let order = input.sort;
    if (input.sort === 'newest') {
      rows = newest.all(params) as Row[];
    } else {
      const edge = cutoff.get({ match: parsed.match }) as { rowid: number } | undefined;
      const latestPostId = edge ? (latest.get() as number) : 0;
      if (edge && tooCommonToRank(latestPostId - edge.rowid + 1, latestPostId)) {
        order = 'newest';
        rows = newest.all(params) as Row[];
      } else {
        rows = ranked.all({ ...params, cutoff: edge?.rowid ?? 0 }) as Row[];
      }
    }
    const results = rows.slice(0, RESULTS_PER_PAGE).map((row) => ({
      postId: row.postId,
      number: row.number,
      createdAt: row.createdAt,
      snippet: snippet(row.bodyText, parsed.terms),
      thread: { id: row.threadId, title: row.title, slug: row.slug, solved: row.solved === 1 },
      category: { slug: row.categorySlug, name: row.categoryName },
      author: row.author,
    }));
    return { results, hasMore: rows.length > RESULTS_PER_PAGE && page < MAX_PAGES, page, terms: parsed.terms, searched: true, order };
  });
}

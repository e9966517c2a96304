import type { Statement } from 'better-sqlite3';
import type { ServiceContext } from '../lib/context.js';
import { assertValid } from '../lib/errors.js';
import { RANKED_WINDOW } from './search.js';
import { perDatabase } from '../db/prepared.js';

// "Maybe already answered": threads whose titles share words with a title being typed. Titles are
// indexed only with each thread's opening post (migration 0003), so a match on the title column is
// one row per thread. Words are OR-ed (any shared word counts) and ranked by bm25 within the
// newest RANKED_WINDOW matches, like search, so a common word cannot make it rank the whole index.

export const SIMILAR_LIMIT = 5;
export const SIMILAR_TITLE_MAX = 200;
const MAX_WORDS = 8;

/** Words that say nothing about the topic of a question. */
const stopWords = new Set(
  'the and for with how what why when where who which does did can could should would will have has had not but are was were this that these those from into your you our out its any all get got use using there their about just been them then than too very'.split(' '),
);

export type SimilarThread = { id: number; title: string; url: string; solved: boolean; replyCount: number };

/** The FTS5 query for a title: its distinct meaningful words, quoted, any of them in a title. */
export function similarMatch(title: string): string | null {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !stopWords.has(word));
  const distinct = [...new Set(words)].slice(0, MAX_WORDS);
  return distinct.length === 0 ? null : `title : (${distinct.map((word) => `"${word}"`).join(' OR ')})`;
}

type Statements = { cutoff: Statement; similar: Statement };

const statements = perDatabase((db): Statements => {
  const client = db.$client;
  return {
    cutoff: client.prepare(`SELECT rowid FROM post_search WHERE post_search MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_WINDOW - 1}`),
    similar: client.prepare(
      `SELECT t.id AS id, t.title AS title, t.slug AS slug, t.solved_post_id IS NOT NULL AS solved, t.reply_count AS replyCount
       FROM post_search s JOIN posts p ON p.id = s.rowid JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id
       WHERE post_search MATCH @match AND s.rowid >= @cutoff AND p.number = 1 AND p.status = 'published' AND t.status = 'published'
         AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND (@category IS NULL OR c.slug = @category)
       ORDER BY bm25(post_search, 4.0, 1.0), s.rowid DESC LIMIT ${SIMILAR_LIMIT}`,
    ),
  };
});

type Row = { id: number; title: string; slug: string; solved: number; replyCount: number };

/** Up to five published threads like this title, the best matches, solved ones first. */
export function findSimilarThreads(ctx: ServiceContext, input: { title: unknown; category?: string | undefined }): SimilarThread[] {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  assertValid({
    title: title.length === 0 ? 'Please give a title to compare.' : title.length > SIMILAR_TITLE_MAX ? `Keep the title to ${SIMILAR_TITLE_MAX} characters.` : undefined,
  });
  const match = similarMatch(title);
  if (!match) return [];
  const { cutoff, similar } = statements(ctx.db);
  const edge = cutoff.get({ match }) as { rowid: number } | undefined;
  const rows = similar.all({ match, cutoff: edge?.rowid ?? 0, category: input.category || null }) as Row[];
  const threads = rows.map((row) => ({ id: row.id, title: row.title, url: `/t/${row.id}/${row.slug}`, solved: row.solved === 1, replyCount: row.replyCount }));
  // A stable sort keeps relevance order within solved and unsolved threads.
  return threads.sort((a, b) => Number(b.solved) - Number(a.solved));
}

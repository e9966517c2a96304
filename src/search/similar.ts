import type { Statement } from 'better-sqlite3';
import { msg } from '../i18n/message.js';
import type { ServiceContext } from '../lib/context.js';
import { assertValid } from '../lib/errors.js';
import { analyzedWords, analyzeForIndex, analyzeQuery } from './analyzer.js';
import { RANKED_WINDOW } from './search.js';
import { perDatabase } from '../db/prepared.js';
import { threadPath } from '../lib/slug.js';

// "Maybe already answered": threads whose titles share words with a title being typed. Titles are
// indexed only with each thread's opening post (migration 0003), so a match on the title column is
// one row per thread. Words are OR-ed (any shared word counts) and ranked by bm25 within the
// newest RANKED_WINDOW matches, like search, so a common word cannot make it rank the whole index.
// The title being typed goes through the search analyzer, as indexed titles did (ADR 0029).

export const SIMILAR_LIMIT = 5;
export const SIMILAR_TITLE_MAX = 200;
const MAX_WORDS = 10;

/** Words that say nothing about the topic of a question, as the analyzer writes them. */
const stopWords = new Set([
  ...'the and for with how what why when where who which does did can could should would will have has had not but are was were this that these those from into your you our out its any all get got use using there their about just been them then than too very'.split(' '),
  // Chinese: question words and other common words of titles (one-character words are too short anyway).
  ...'怎么 怎么样 什么 为什么 如何 可以 没有 一个 这个 那个 我们 你们 他们 还是 就是 问题 有没有 是不是 请问 大家'.split(' '),
  // Turkish, with I/İ/ı/i made one and diacritics dropped like the index does.
  ...'icin ama gibi cok daha nasil neden niye var yok olan olarak sonra kadar veya bir sey ben sen biz siz onlar bunu sunu nedir'.split(' '),
  // Arabic, light-stemmed like the index's words.
  ...'هل في من على الى عن مع هذا هذه ذلك التي الذي كيف لماذا ماذا متى اين كان يكون لا ما او ثم قد كل بعد قبل عند'.split(' ').map((word) => analyzeQuery(word).trim()),
]);

/** Too short to say much: Latin-script words of one or two letters; one Chinese character. */
function longEnough(word: string): boolean {
  return word.length >= (/^[\p{sc=Latin}\p{N}]+$/u.test(word) ? 3 : 2);
}

/** For comparing with the stop words: lower case without Latin diacritics, as the index compares. */
const folded = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '');

export type SimilarThread = { id: number; title: string; url: string; solved: boolean; replyCount: number };

/** The FTS5 query for a title: its distinct meaningful words, quoted, any of them in a title. */
export function similarMatch(title: string): string | null {
  const words = analyzedWords(analyzeForIndex(title)).filter((word) => longEnough(word) && !stopWords.has(folded(word)));
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
    title: title.length === 0 ? msg('similar.titleMissing') : title.length > SIMILAR_TITLE_MAX ? msg('similar.titleTooLong', { max: SIMILAR_TITLE_MAX }) : undefined,
  });
  const match = similarMatch(title);
  if (!match) return [];
  const { cutoff, similar } = statements(ctx.db);
  const edge = cutoff.get({ match }) as { rowid: number } | undefined;
  const rows = similar.all({ match, cutoff: edge?.rowid ?? 0, category: input.category || null }) as Row[];
  const threads = rows.map((row) => ({ id: row.id, title: row.title, url: threadPath(row.id, row.slug), solved: row.solved === 1, replyCount: row.replyCount }));
  // A stable sort keeps relevance order within solved and unsolved threads.
  return threads.sort((a, b) => Number(b.solved) - Number(a.solved));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { corpusQueries, corpusThreads, type Language } from '../fixtures/search-corpus.js';
import { createForumContext } from '../helpers/forum.js';

// Recall of search in Chinese, Arabic, Turkish and English (ADR 0029), through /search: every
// query must find each thread it is expected to find, and no other (above all, none in another
// language). The table printed at the end is the one in docs/i18n.md.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
const threadByTitle = new Map<string, string>();

beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'E-bikes', slug: 'ebikes', moderation: 'open' });
  for (const [index, thread] of corpusThreads.entries()) {
    const [opening, ...replies] = thread.posts;
    const author = index % 2 === 0 ? ctx.member : ctx.other;
    const { threadId } = await makeThread(ctx.services, author, { category: 'ebikes', title: thread.title, body: opening });
    for (const body of replies) await makeReply(ctx.services, author === ctx.member ? ctx.other : ctx.member, { threadId, body });
    threadByTitle.set(thread.title, thread.key);
  }
}, 120_000);
afterAll(() => ctx.close());

const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The corpus threads a search lists, by key. */
async function threadsFound(q: string): Promise<string[]> {
  const response = await ctx.http.get(`/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  const page = await response.text();
  return [...page.matchAll(/<h2><a href="\/p\/\d+"[^>]*>([^<]*)<\/a>/g)].map((match) => threadByTitle.get(unescape(match[1]!)) ?? `unknown: ${match[1]}`).sort();
}

type Tally = { queries: number; expected: number; found: number; falseMatches: number };
const tallies = new Map<Language, Tally>();

describe('search recall in every script', () => {
  it('has a corpus of at least 60 posts and 80 queries in four languages', () => {
    expect(corpusThreads.flatMap((thread) => thread.posts).length).toBeGreaterThanOrEqual(60);
    expect(corpusQueries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpusQueries.map((query) => query.language))).toEqual(new Set(['zh', 'ar', 'tr', 'en']));
  });

  it.each(corpusQueries.map((query) => [query.language, query.q, query] as const))('%s: %s', async (language, q, query) => {
    const found = await threadsFound(q);
    const tally = tallies.get(language) ?? { queries: 0, expected: 0, found: 0, falseMatches: 0 };
    tally.queries += 1;
    tally.expected += query.expected.length;
    tally.found += query.expected.filter((key) => found.includes(key)).length;
    tally.falseMatches += found.filter((key) => !query.expected.includes(key)).length;
    tallies.set(language, tally);
    expect(found).toEqual([...query.expected].sort());
  });

  afterAll(() => {
    const rows = [...tallies].map(([language, tally]) => `| ${language} | ${tally.queries} | ${tally.expected} | ${tally.found} | ${((100 * tally.found) / Math.max(1, tally.expected)).toFixed(0)}% | ${tally.falseMatches} |`);
    console.log(['| language | queries | expected threads | found | recall | false matches |', '|---|--:|--:|--:|--:|--:|', ...rows].join('\n'));
  });
});

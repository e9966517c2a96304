import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { searchPosts, type SearchSort } from '../../src/search/search.js';
import type { ServiceContext } from '../../src/lib/context.js';

// One search at a time, never answered from the result cache: what a single query for a word
// nobody searched since the last write costs, at the dataset's size. (The load cases in run.ts
// repeat six words, so most of their answers come from that cache.)
//
//   npx tsx test/bench/search-latency.ts [--db .bench/hearth-1000000.db] [--words 60]

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const path = option('db', '.bench/hearth-1000000.db');
const count = Number(option('words', '60'));
const db = openDatabase(path);
const ctx = { db, now: Date.now } as unknown as ServiceContext;

// The index's own vocabulary: the most frequent terms (near stop words), terms in 1–15% of posts
// (what people usually search: a product, a part, a symptom), and terms found in only a few posts.
db.$client.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'post_search', 'row')");
const words = (sql: string) => (db.$client.prepare(sql).all(count) as { term: string }[]).map((row) => row.term);
const common = words("SELECT term FROM temp.search_terms WHERE length(term) > 3 AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT ?");
const total = (db.$client.prepare('SELECT count(*) FROM posts').pluck().get() as number) || 1;
const frequent = (db.$client.prepare("SELECT term FROM temp.search_terms WHERE doc BETWEEN ? AND ? AND length(term) > 3 AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT ?").all(Math.ceil(total / 100), Math.ceil((total * 15) / 100), count) as { term: string }[]).map((row) => row.term);
const rare = words("SELECT term FROM temp.search_terms WHERE doc BETWEEN 3 AND 50 AND term GLOB '[a-z]*' ORDER BY term LIMIT ?");
const documents = db.$client.prepare('SELECT doc FROM temp.search_terms WHERE term = ?').pluck();

function measure(terms: string[], sort: SearchSort, page: number, spelling = (term: string) => term): number[] {
  return terms.map((term) => {
    const started = performance.now();
    searchPosts(ctx, { q: spelling(term), sort, page });
    return performance.now() - started;
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// Warm SQLite's page cache with every query in capitals, then measure it in lower case: the same
// matches and pages, but a different key for the result cache (whose entries serve every page).
for (const sort of ['relevance', 'newest'] as const) measure([...common, ...frequent, ...rare], sort, 1, (term) => term.toUpperCase());
console.log(`${path}: ${common.length} commonest words (${documents.get(common.at(-1))}–${documents.get(common[0])} posts each), ${frequent.length} frequent (in 1–15% of posts), ${rare.length} rare (3–50 posts)`);
console.log('| words | order | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|');
for (const [label, terms] of [['commonest', common], ['frequent', frequent], ['rare', rare]] as const) {
  for (const sort of ['relevance', 'newest'] as const) {
    const times = measure(terms, sort, 1);
    console.log(`| ${label} | ${sort} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
  }
}
closeDatabase(db);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { categories, posts, threads, users } from '../../src/db/schema.js';
import { rebakePosts } from '../../src/operations/rebake.js';
import { RENDER_VERSION, type MarkdownRenderer } from '../../src/markdown/renderer.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';

// Starting the markdown worker loads jsdom, which takes seconds on a busy machine.
const WORKER_TIMEOUT = 120_000;
const now = Date.UTC(2026, 0, 15, 12);

let folder: string;
let db: Db;
let renderer: MarkdownRenderer;
let threadId: number;
let authorId: number;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-rebake-'));
  db = openDatabase(join(folder, 'test.db'), { synchronous: 'NORMAL' });
  migrateDatabase(db);
  renderer = createMarkdownRenderer();
  const user = db
    .insert(users)
    .values({ username: 'ada', usernameKey: 'ada', email: 'ada@example.com', emailKey: 'ada@example.com', passwordHash: 'x', createdAt: now })
    .returning()
    .get();
  const category = db.insert(categories).values({ slug: 'kettles', name: 'Kettles', createdAt: now }).returning().get();
  const thread = db
    .insert(threads)
    .values({ categoryId: category.id, authorId: user.id, title: 'Descaling', searchTitle: 'Descaling', slug: 'descaling', lastPostAt: now, createdAt: now })
    .returning()
    .get();
  threadId = thread.id;
  authorId = user.id;
});

afterAll(async () => {
  await renderer.close();
  closeDatabase(db);
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  db.delete(posts).run();
});

function insertPosts(rows: { body: string; bodyHtml: string; renderVersion: number }[]): void {
  const offset = db.select().from(posts).all().length;
  db.insert(posts)
    .values(rows.map((row, index) => ({ ...row, threadId, authorId, number: offset + index + 1, createdAt: now })))
    .run();
}

function storedPosts() {
  return db
    .select({ body: posts.body, bodyHtml: posts.bodyHtml, renderVersion: posts.renderVersion })
    .from(posts)
    .orderBy(asc(posts.id))
    .all();
}

describe('rebakePosts', () => {
  test(
    're-renders stale posts in keyset batches, reporting progress',
    async () => {
      const bodies = ['**one**', '*two*', '# three', '`four`', '[five](javascript:alert(1))'];
      insertPosts(bodies.map((body) => ({ body, bodyHtml: '<p>stale</p>', renderVersion: 0 })));
      const progress: number[] = [];

      const result = await rebakePosts(db, renderer, { batchSize: 2, onProgress: (done) => progress.push(done) });

      expect(result).toEqual({ rendered: 5, titles: 0 });
      expect(progress).toEqual([2, 4, 5]);
      expect(storedPosts()).toEqual([
        { body: '**one**', bodyHtml: '<p><strong>one</strong></p>\n', renderVersion: RENDER_VERSION },
        { body: '*two*', bodyHtml: '<p><em>two</em></p>\n', renderVersion: RENDER_VERSION },
        { body: '# three', bodyHtml: '<h3>three</h3>\n', renderVersion: RENDER_VERSION },
        { body: '`four`', bodyHtml: '<p><code>four</code></p>\n', renderVersion: RENDER_VERSION },
        { body: '[five](javascript:alert(1))', bodyHtml: '<p><a rel="nofollow ugc noopener">five</a></p>\n', renderVersion: RENDER_VERSION },
      ]);
    },
    WORKER_TIMEOUT,
  );

  test(
    'fills the stored plain text of posts from an older renderer',
    async () => {
      insertPosts([
        { body: 'Use **citric** acid &amp; [water](https://example.com).\n\n- one\n- two', bodyHtml: '<p>old</p>', renderVersion: RENDER_VERSION - 1 },
        { body: '![', bodyHtml: '<p>old</p>', renderVersion: 0 },
      ]);

      expect(await rebakePosts(db, renderer)).toEqual({ rendered: 2, titles: 0 });
      const texts = db.select({ text: posts.bodyText, renderVersion: posts.renderVersion }).from(posts).orderBy(asc(posts.id)).all();
      expect(texts).toEqual([
        { text: 'Use citric acid & water. one two', renderVersion: RENDER_VERSION },
        { text: '![', renderVersion: RENDER_VERSION },
      ]);
    },
    WORKER_TIMEOUT,
  );

  test(
    'skips posts that are already current unless asked to redo all',
    async () => {
      insertPosts([
        { body: '**stale**', bodyHtml: '<p>old</p>', renderVersion: RENDER_VERSION - 1 },
        { body: '**current**', bodyHtml: '<p>kept as is</p>', renderVersion: RENDER_VERSION },
      ]);

      expect(await rebakePosts(db, renderer)).toEqual({ rendered: 1, titles: 0 });
      expect(storedPosts().map((post) => post.bodyHtml)).toEqual(['<p><strong>stale</strong></p>\n', '<p>kept as is</p>']);

      expect(await rebakePosts(db, renderer)).toEqual({ rendered: 0, titles: 0 });

      expect(await rebakePosts(db, renderer, { all: true, batchSize: 1 })).toEqual({ rendered: 2, titles: 0 });
      expect(storedPosts().map((post) => post.bodyHtml)).toEqual([
        '<p><strong>stale</strong></p>\n',
        '<p><strong>current</strong></p>\n',
      ]);
    },
    WORKER_TIMEOUT,
  );

  test(
    'analyzes for search the posts and titles written before the analyzer, giving old threads readable slugs',
    async () => {
      const [category] = db.select().from(categories).all();
      const old = db
        .insert(threads)
        .values({ categoryId: category!.id, authorId, title: '电动自行车充电器坏了', slug: 'thread', lastPostAt: now, createdAt: now })
        .returning()
        .get();
      db.insert(posts).values({ threadId: old.id, authorId, number: 1, body: '我的电池续航很短', bodyHtml: '<p>old</p>', renderVersion: RENDER_VERSION - 1, createdAt: now }).run();
      const found = (word: string) => db.$client.prepare('SELECT count(*) FROM post_search WHERE post_search MATCH ?').pluck().get(`"${word}"`);
      // Before: the index holds the text as written, where a Chinese sentence is one token.
      expect([found('充电器'), found('电池')]).toEqual([0, 0]);

      expect(await rebakePosts(db, renderer)).toEqual({ rendered: 1, titles: 1 });
      const thread = db.select({ slug: threads.slug, searchTitle: threads.searchTitle }).from(threads).where(eq(threads.id, old.id)).get();
      expect(decodeURIComponent(thread!.slug)).toBe('电动自行车充电器坏了');
      expect(thread!.searchTitle).toContain('充电器');
      expect([found('充电器'), found('电池'), found('续航')]).toEqual([1, 1, 1]);

      expect(await rebakePosts(db, renderer)).toEqual({ rendered: 0, titles: 0 });
    },
    WORKER_TIMEOUT,
  );
});

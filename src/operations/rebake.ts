import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { posts, threads } from '../db/schema.js';
import { titleColumns } from '../forum/thread-title.js';
import { threadSlug } from '../lib/slug.js';
import { RENDER_VERSION, type MarkdownRenderer } from '../markdown/renderer.js';

export type RebakeOptions = {
  /** Re-render every post, not only those rendered by an older renderer. */
  all?: boolean;
  batchSize?: number;
  /** Called after each batch with the number of posts rewritten so far. */
  onProgress?: (done: number) => void;
};

/**
 * Re-renders stored posts after the markdown pipeline changed (RENDER_VERSION bumped), and first
 * analyzes the titles the search analyzer has not seen (threads.search_title null).
 * Walks posts by id (keyset: each batch starts after the last id seen, so the walk stays cheap on a
 * big table and terminates even with `all`), renders a batch in the worker, and writes it in one
 * short transaction so the server keeps serving in between.
 */
export async function rebakePosts(db: Db, renderer: MarkdownRenderer, options: RebakeOptions = {}): Promise<{ rendered: number; titles: number }> {
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const titles = analyzeTitles(db, batchSize);
  let afterId = 0;
  let rendered = 0;
  for (;;) {
    const stale = options.all ? undefined : lt(posts.renderVersion, RENDER_VERSION);
    const batch = db
      .select({ id: posts.id, body: posts.body })
      .from(posts)
      .where(and(gt(posts.id, afterId), stale))
      .orderBy(asc(posts.id))
      .limit(batchSize)
      .all();
    const last = batch.at(-1);
    if (!last) break;
    afterId = last.id;
    const results = await Promise.all(batch.map((post) => renderer.render(post.body)));
    rendered += db.transaction((tx) => {
      let written = 0;
      batch.forEach((post, index) => {
        const result = results[index];
        if (!result) return;
        // Matching on the body skips a post edited while we rendered: the edit stored fresh HTML.
        const { changes } = tx
          .update(posts)
          .set({ bodyHtml: result.html, bodyText: result.text, searchText: result.searchText, renderVersion: result.renderVersion })
          .where(and(eq(posts.id, post.id), eq(posts.body, post.body)))
          .run();
        written += changes;
      });
      return written;
    });
    options.onProgress?.(rendered);
  }
  return { rendered, titles };
}

/**
 * Titles written before the search analyzer existed: each gets its analyzed form (re-indexed by
 * the title trigger) and a slug made by today's rules, so a Chinese thread that was /t/53/thread
 * gets a readable address; the old one redirects to it like any other wrong slug (ADR 0030).
 */
function analyzeTitles(db: Db, batchSize: number): number {
  let afterId = 0;
  let analyzed = 0;
  for (;;) {
    const batch = db
      .select({ id: threads.id, title: threads.title })
      .from(threads)
      .where(and(gt(threads.id, afterId), isNull(threads.searchTitle)))
      .orderBy(asc(threads.id))
      .limit(batchSize)
      .all();
    const last = batch.at(-1);
    if (!last) return analyzed;
    afterId = last.id;
    db.transaction((tx) => {
      for (const thread of batch) {
        // Matching on the title skips a thread renamed meanwhile: the rename stored both.
        tx.update(threads)
          .set({ ...titleColumns(thread.title), slug: threadSlug(thread.title) })
          .where(and(eq(threads.id, thread.id), eq(threads.title, thread.title)))
          .run();
      }
    });
    analyzed += batch.length;
  }
}

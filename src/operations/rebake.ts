import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { posts } from '../db/schema.js';
import { RENDER_VERSION, type MarkdownRenderer } from '../markdown/renderer.js';

export type RebakeOptions = {
  /** Re-render every post, not only those rendered by an older renderer. */
  all?: boolean;
  batchSize?: number;
  /** Called after each batch with the number of posts rewritten so far. */
  onProgress?: (done: number) => void;
};

/**
 * Re-renders stored posts after the markdown pipeline changed (RENDER_VERSION bumped).
 * Walks posts by id (keyset: each batch starts after the last id seen, so the walk stays cheap on a
 * big table and terminates even with `all`), renders a batch in the worker, and writes it in one
 * short transaction so the server keeps serving in between.
 */
export async function rebakePosts(db: Db, renderer: MarkdownRenderer, options: RebakeOptions = {}): Promise<{ rendered: number }> {
  const batchSize = Math.max(1, options.batchSize ?? 200);
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
          .set({ bodyHtml: result.html, bodyText: result.text, renderVersion: result.renderVersion })
          .where(and(eq(posts.id, post.id), eq(posts.body, post.body)))
          .run();
        written += changes;
      });
      return written;
    });
    options.onProgress?.(rendered);
  }
  return { rendered };
}

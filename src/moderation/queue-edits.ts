import { inArray, eq } from 'drizzle-orm';
import { pendingEdits, posts } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { diffWords, elideUnchanged, type DiffPart } from '../lib/text-diff.js';

/** A held edit as a manager reviews it: what changes in the text (as typed, links visible) and in the title. */
export type QueueEdit = {
  diff: DiffPart[];
  /** The new title, when the edit renames the thread. */
  title: string | null;
  /** The new version as readers would see it. */
  bodyHtml: SafeHtml;
  editedAt: number;
};

/** The held edits of these posts, each compared with the post's public text: one query for the page. */
export function loadQueueEdits(ctx: ServiceContext, items: { postId: number; title: string }[]): Map<number, QueueEdit> {
  const byPost = new Map<number, QueueEdit>();
  if (items.length === 0) return byPost;
  const rows = ctx.db
    .select({ postId: pendingEdits.postId, body: pendingEdits.body, bodyHtml: pendingEdits.bodyHtml, title: pendingEdits.title, createdAt: pendingEdits.createdAt, publicBody: posts.body })
    .from(pendingEdits)
    .innerJoin(posts, eq(posts.id, pendingEdits.postId))
    .where(inArray(pendingEdits.postId, items.map((item) => item.postId)))
    .all();
  const titles = new Map(items.map((item) => [item.postId, item.title]));
  for (const row of rows) {
    const renamed = row.title !== null && row.title !== titles.get(row.postId);
    byPost.set(row.postId, { diff: elideUnchanged(diffWords(row.publicBody, row.body)), title: renamed ? row.title : null, bodyHtml: trustSanitized(row.bodyHtml), editedAt: row.createdAt });
  }
  return byPost;
}

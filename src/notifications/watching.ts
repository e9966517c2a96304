import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { categories, categoryWatches, threads, threadWatches, watchLevels, type WatchLevel } from '../db/schema.js';
import { canWatch } from '../forum/permissions.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound, Unauthenticated, ValidationError } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { perDatabase } from '../db/prepared.js';

// A member's chosen level per thread and per category. What each level means for notifications
// is decided in fan-out.ts; this module stores the choices and says which one applies.

/** The level that applies to a thread, and where it comes from (the form says so). */
export type WatchState = { level: WatchLevel; source: 'thread' | 'category' | 'default' };

/** The member's thread row, else their category row, else normal. */
export function effectiveWatchLevel(threadLevel: WatchLevel | null, categoryLevel: WatchLevel | null): WatchState {
  if (threadLevel) return { level: threadLevel, source: 'thread' };
  if (categoryLevel) return { level: categoryLevel, source: 'category' };
  return { level: 'normal', source: 'default' };
}

export function parseWatchLevel(value: unknown): WatchLevel {
  if (typeof value === 'string' && (watchLevels as readonly string[]).includes(value)) return value as WatchLevel;
  throw new ValidationError({ level: msg('watch.invalidLevel') });
}

// Read on every signed-in thread and category page, so prepared once per database.
type Statements = { levels: Statement; category: Statement };
const statements = perDatabase((db): Statements => {
  return {
    levels: db.$client.prepare(
      'select (select level from thread_watches where user_id = @user and thread_id = @thread) as thread, ' +
        '(select level from category_watches where user_id = @user and category_id = @category) as category',
    ),
    category: db.$client.prepare('select level from category_watches where user_id = ? and category_id = ?'),
  };
});

export function threadWatchState(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; categoryId: number }): WatchState | null {
  if (viewer === null) return null;
  const row = statements(ctx.db).levels.get({ user: viewer.id, thread: input.threadId, category: input.categoryId }) as { thread: WatchLevel | null; category: WatchLevel | null };
  return effectiveWatchLevel(row.thread, row.category);
}

export function categoryWatchLevel(ctx: ServiceContext, viewer: Viewer, categoryId: number): WatchLevel | null {
  if (viewer === null) return null;
  const row = statements(ctx.db).category.get(viewer.id, categoryId) as { level: WatchLevel } | undefined;
  return row?.level ?? 'normal';
}

/** An explicit choice for one thread; it overrides the category's level for that thread. */
export function setThreadWatch(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; level: unknown }): { id: number; slug: string } {
  const level = parseWatchLevel(input.level);
  if (viewer === null) throw new Unauthenticated(msg('watch.logInThread'));
  const thread = ctx.db
    .select({ id: threads.id, slug: threads.slug, status: threads.status, authorId: threads.authorId, categoryId: threads.categoryId })
    .from(threads)
    .where(eq(threads.id, input.threadId))
    .get();
  if (!thread || !canWatch(viewer, thread)) throw new NotFound(msg('thread.notFound'));
  const now = ctx.now();
  ctx.db
    .insert(threadWatches)
    .values({ userId: viewer.id, threadId: thread.id, level, updatedAt: now })
    .onConflictDoUpdate({ target: [threadWatches.userId, threadWatches.threadId], set: { level, updatedAt: now } })
    .run();
  return { id: thread.id, slug: thread.slug };
}

export function setCategoryWatch(ctx: ServiceContext, viewer: Viewer, input: { slug: string; level: unknown }): { slug: string } {
  const level = parseWatchLevel(input.level);
  if (viewer === null) throw new Unauthenticated(msg('watch.logInCategory'));
  const category = ctx.db.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.slug, input.slug)).get();
  if (!category) throw new NotFound(msg('watch.categoryNotFound'));
  const now = ctx.now();
  ctx.db
    .insert(categoryWatches)
    .values({ userId: viewer.id, categoryId: category.id, level, updatedAt: now })
    .onConflictDoUpdate({ target: [categoryWatches.userId, categoryWatches.categoryId], set: { level, updatedAt: now } })
    .run();
  return { slug: category.slug };
}

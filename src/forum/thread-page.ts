import { and, asc, between, eq, isNull, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, posts, threads, uploads, users, type CategoryKind, type ContentStatus } from '../db/schema.js';
import type { Db } from '../db/client.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { canModerate, canReadHiddenPost, replyBlock, type ReplyBlock } from './permissions.js';
import { toPostView, withAuthors, type PostView } from './post-view.js';
import { silenceOf, type Silence } from './compose.js';
import { replyContext, repliesOnPage } from './reply-context.js';
import { acceptedAnswer, openingPost, votedByViewer, type PostSummary } from './thread-answers.js';
import { POSTS_PER_PAGE } from './threads.js';
import { perDatabase } from '../db/prepared.js';
import { awaitingConfirmation, awaitsConfirmation } from '../moderation/confirmed-posts.js';
import { sharedReads } from './shared-reads.js';
import { readThreadPolls, type PollData } from '../polls/read.js';
import { noteClosingDates } from '../polls/deadlines.js';
import { ideaSummary, type IdeaSummary } from '../ideas/idea-page.js';

export type { PostState, PostView } from './post-view.js';

/** Why the viewer cannot reply, with the reason staff gave for a silence. */
export type ReplyNotice = Exclude<ReplyBlock, { kind: 'silenced' }> | ({ kind: 'silenced' } & Silence);

export type ThreadPage = {
  thread: {
    id: number;
    title: string;
    slug: string;
    status: ContentStatus;
    /** Who started it: the asker, in a questions category. */
    authorId: number;
    locked: boolean;
    pinned: boolean;
    replyCount: number;
    solvedPostId: number | null;
    createdAt: number;
    lastPostAt: number;
  };
  category: { id: number; slug: string; name: string; kind: CategoryKind };
  posts: PostView[];
  /** The live accepted answer, wherever it is in the thread. */
  acceptedAnswer: PostSummary | null;
  /** The live opening post, also on pages that do not show it. */
  opening: PostSummary | null;
  /** The polls of the opening post, on its page (empty on later pages). */
  polls: PollData[];
  page: number;
  totalPages: number;
  canReply: boolean;
  /** Null when the viewer may reply. */
  replyBlock: ReplyNotice | null;
  canModerate: boolean;
  /** Set when the viewer has a post on this page that waits for them to confirm this address. */
  confirmAddress: { email: string } | null;
  /** Its votes, status and history when the thread is an idea (in an ideas category). */
  idea: IdeaSummary | null;
  /** Computes a value from what every viewer of this page sees, once per version of the thread. */
  derived<D>(key: string, compute: () => D, bytes?: (value: D) => number): D;
};

/** The thread row as SQLite gives it (locked and pinned are 0 or 1). */
type ThreadRow = {
  id: number;
  title: string;
  slug: string;
  status: ContentStatus;
  version: number;
  authorId: number;
  locked: number;
  pinned: number;
  replyCount: number;
  solvedPostId: number | null;
  lastPostNumber: number;
  createdAt: number;
  lastPostAt: number;
  categoryId: number;
  categorySlug: string;
  categoryName: string;
  categoryKind: CategoryKind;
  archived: number;
};

type ThreadValues = [number, string, string, ContentStatus, number, number, number, number, number, number | null, number, number, number, number, string, string, CategoryKind, number];

/**
 * The thread row as one object literal: better-sqlite3 makes a row object by adding its columns
 * one by one, which leaves V8 holding a row of 18 columns as a dictionary, and every view reads the
 * row's fields some thirty times (a raw read and this literal took half the time of the row object).
 */
function threadRowOf(values: ThreadValues): ThreadRow {
  const [id, title, slug, status, version, authorId, locked, pinned, replyCount, solvedPostId, lastPostNumber, createdAt, lastPostAt, categoryId, categorySlug, categoryName, categoryKind, archived] = values;
  return { id, title, slug, status, version, authorId, locked, pinned, replyCount, solvedPostId, lastPostNumber, createdAt, lastPostAt, categoryId, categorySlug, categoryName, categoryKind, archived };
}

// The page's reads are prepared once per database: building drizzle queries on every request
// cost more than running them (measured ~0.9 ms a page before, for 20 posts).
function prepare(db: Db) {
  const author = alias(users, 'author');
  const target = alias(posts, 'target');
  const targetAuthor = alias(users, 'target_author');
  // The author's picture comes with the post rows (no query per author).
  const avatar = alias(uploads, 'avatar');
  const postColumns = {
    id: posts.id,
    number: posts.number,
    status: posts.status,
    authorId: posts.authorId,
    username: author.username,
    role: author.role,
    official: author.isBrand,
    displayName: author.displayName,
    avatarHash: avatar.hash,
    avatarExt: avatar.ext,
    createdAt: posts.createdAt,
    editedAt: posts.editedAt,
    deletedAt: posts.deletedAt,
    hiddenAt: posts.hiddenAt,
    hiddenReason: posts.hiddenReason,
    hiddenById: posts.hiddenById,
    rejectedReason: posts.rejectedReason,
    bodyHtml: posts.bodyHtml,
    helpfulCount: posts.helpfulCount,
    replyToId: target.id,
    replyToNumber: target.number,
    replyToUsername: targetAuthor.username,
  };
  const threadId = sql.placeholder('threadId');
  const viewerId = sql.placeholder('viewerId');
  return {
    // Plain SQL: read on every view, where drizzle's row mapping cost more than the lookup. Read
    // as values and made into a row by threadRowOf (see there).
    thread: db.$client.prepare<[threadId: number], ThreadValues>(
      'select threads.id, threads.title, threads.slug, threads.status, threads.version, threads.author_id as authorId, threads.locked, ' +
        'threads.pinned, threads.reply_count as replyCount, threads.solved_post_id as solvedPostId, threads.last_post_number as lastPostNumber, ' +
        'threads.created_at as createdAt, threads.last_post_at as lastPostAt, categories.id as categoryId, categories.slug as categorySlug, ' +
        'categories.name as categoryName, categories.kind as categoryKind, categories.archived_at is not null as archived from threads join categories on categories.id = threads.category_id where threads.id = ?',
    ).raw(true),
    page: db
      .select(postColumns)
      .from(posts)
      .innerJoin(author, eq(author.id, posts.authorId))
      .leftJoin(avatar, eq(avatar.id, author.avatarUploadId))
      .leftJoin(target, eq(target.id, posts.replyToPostId))
      .leftJoin(targetAuthor, eq(targetAuthor.id, target.authorId))
      .where(and(eq(posts.threadId, threadId), between(posts.number, sql.placeholder('first'), sql.placeholder('last'))))
      .orderBy(asc(posts.number))
      .prepare(),
    // Replies still waiting (or rejected) that this viewer may see: their own, or for moderators all
    // those waiting for approval (not those waiting for their author to confirm an address).
    unnumbered: db
      .select(postColumns)
      .from(posts)
      .innerJoin(author, eq(author.id, posts.authorId))
      .leftJoin(avatar, eq(avatar.id, author.avatarUploadId))
      .leftJoin(target, eq(target.id, posts.replyToPostId))
      .leftJoin(targetAuthor, eq(targetAuthor.id, target.authorId))
      .where(
        and(
          eq(posts.threadId, threadId),
          isNull(posts.number),
          isNull(posts.deletedAt),
          or(eq(posts.authorId, viewerId), and(eq(sql.placeholder('moderator'), 1), eq(posts.status, 'pending'), not(awaitingConfirmation))),
        ),
      )
      .orderBy(asc(posts.id))
      .prepare(),
    // Plain SQL with 'open' written in: bound as a parameter (as drizzle binds it), it matches the
    // WHERE of the partial index flags_one_open_per_member, and SQLite then prepares the statement
    // again on every run (~10 µs instead of ~1 µs).
    replies: repliesOnPage(db),
    // Waiting posts are rare: this plain check (the thread's null numbers in posts_thread_number_unique)
    // spares almost every last-page view the query above, whose drizzle mapping costs more.
    anyUnnumbered: db.$client.prepare<[threadId: number], number>('select exists (select 1 from posts where thread_id = ? and number is null and deleted_at is null)').pluck(),
    flagged: db.$client.prepare<[viewerId: number, low: number, high: number], number>("select post_id from flags where flagger_id = ? and status = 'open' and post_id between ? and ?").pluck(),
    // Held edits are few, and only their authors are told of them here.
    heldEdits: db.$client.prepare<[threadId: number, viewerId: number], number>('select pending_edits.post_id from pending_edits join posts on posts.id = pending_edits.post_id where posts.thread_id = ? and posts.author_id = ?').pluck(),
  };
}

const statements = perDatabase(prepare);

/** One page of a thread; posts are paged by number, so any page is a single index range scan. */
export function getThreadPage(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; page: number }): ThreadPage {
  const queries = statements(ctx.db);
  const values = queries.thread.get(input.threadId);
  if (!values) throw new NotFound(msg('thread.notFound'));
  const row = threadRowOf(values);
  const moderator = canModerate(viewer, row.categoryId);
  if (row.status !== 'published' && !canReadUnpublishedThread(ctx, viewer, row)) throw new NotFound(msg('thread.notFound'));
  const totalPages = Math.max(1, Math.ceil(row.lastPostNumber / POSTS_PER_PAGE));
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > totalPages) {
    throw new NotFound(msg('thread.noPage', { pages: totalPages, page: String(input.page) }));
  }
  const first = (input.page - 1) * POSTS_PER_PAGE + 1;
  const last = first + POSTS_PER_PAGE - 1;
  const shared = sharedReads(ctx.db, `${row.id}:${input.page}`, row.version, () => ({
    rows: withAuthors(queries.page.all({ threadId: row.id, first, last })),
    replies: replyContext(queries.replies.all(row.id, first, last), { first, last }),
    acceptedAnswer: acceptedAnswer(ctx.db, row.solvedPostId),
    opening: row.status === 'published' ? openingPost(ctx.db, row.id) : null,
    polls: input.page === 1 ? threadPolls(ctx, row) : [],
    idea: row.categoryKind === 'ideas' ? ideaSummary(ctx.db, row.id) : null,
  }));
  // A copy: the shared rows are read by every viewer, and this one may add their waiting posts.
  const rows = [...shared.value.rows];
  if (input.page === totalPages && viewer !== null && queries.anyUnnumbered.get(row.id) === 1) {
    rows.push(...withAuthors(queries.unnumbered.all({ threadId: row.id, viewerId: viewer.id, moderator: moderator ? 1 : 0 })));
  }
  const flagged = flaggedByViewer(queries, viewer, rows.map((post) => post.id));
  const voted = votedByViewer(ctx.db, viewer?.id ?? null, rows.map((post) => post.id));
  const held = ownHeldEdits(queries, viewer, row.id, rows);
  const facts = { locked: row.locked === 1, categoryId: row.categoryId, archived: row.archived === 1 };
  const question = row.status === 'published' ? { authorId: row.authorId, categoryId: row.categoryId, categoryKind: row.categoryKind } : null;
  const now = ctx.now();
  const block = replyBlock(viewer, { locked: facts.locked, categoryId: facts.categoryId, archived: facts.archived, status: row.status, authorId: row.authorId }, now);
  const replies = shared.value.replies;
  const views = rows.map((post) =>
    toPostView(viewer, post, facts, { moderator, flagged: flagged.has(post.id), now, question, solvedPostId: row.solvedPostId, voted, first, last, replies: replies[post.id] ?? null, held }),
  );
  return {
    thread: {
      id: row.id,
      title: row.title,
      slug: row.slug,
      status: row.status,
      authorId: row.authorId,
      locked: row.locked === 1,
      pinned: row.pinned === 1,
      replyCount: row.replyCount,
      solvedPostId: row.solvedPostId,
      createdAt: row.createdAt,
      lastPostAt: row.lastPostAt,
    },
    category: { id: row.categoryId, slug: row.categorySlug, name: row.categoryName, kind: row.categoryKind },
    posts: views,
    acceptedAnswer: shared.value.acceptedAnswer,
    opening: shared.value.opening,
    polls: shared.value.polls,
    page: input.page,
    totalPages,
    canReply: block === null,
    replyBlock: block?.kind === 'silenced' ? { ...block, ...silenceOf(ctx, viewer)! } : block,
    canModerate: moderator,
    confirmAddress: views.some((post) => post.awaitsConfirmation) ? confirmationAddress(ctx, viewer) : null,
    idea: shared.value.idea,
    derived: shared.derived,
  };
}

/** Read once per thread version; the closing dates are noted for the anonymous page's cache (src/polls/deadlines.ts). */
function threadPolls(ctx: ServiceContext, row: ThreadRow): PollData[] {
  const polls = readThreadPolls(ctx.db, row.id);
  noteClosingDates(ctx.db, row.id, row.version, polls);
  return polls;
}

function confirmationAddress(ctx: ServiceContext, viewer: Viewer): { email: string } | null {
  const row = viewer ? ctx.db.select({ email: users.email }).from(users).where(eq(users.id, viewer.id)).get() : undefined;
  return row ? { email: row.email } : null;
}

/** Its author, and the category's moderators once it waits for them (not for the author's confirmation). */
function canReadUnpublishedThread(ctx: ServiceContext, viewer: Viewer, row: { id: number; authorId: number; categoryId: number }): boolean {
  if (!canReadHiddenPost(viewer, { authorId: row.authorId, number: 1, deletedAt: null, hiddenAt: null }, row.categoryId)) return false;
  if (viewer?.id === row.authorId) return true;
  const opening = ctx.db.select({ id: posts.id }).from(posts).where(and(eq(posts.threadId, row.id), eq(posts.number, 1))).get();
  return opening === undefined || !awaitsConfirmation(ctx.db, opening.id);
}

function flaggedByViewer(queries: ReturnType<typeof statements>, viewer: Viewer, postIds: number[]): Set<number> {
  if (viewer === null || postIds.length === 0) return new Set();
  return new Set(queries.flagged.all(viewer.id, Math.min(...postIds), Math.max(...postIds)));
}

/** A post as the page query reads it. */
export type PostRow = ReturnType<ReturnType<typeof statements>['page']['all']>[number];

/** The viewer's published posts on this page whose edits wait for review; no query unless they wrote one. */
function ownHeldEdits(queries: ReturnType<typeof statements>, viewer: Viewer, threadId: number, rows: PostRow[]): Set<number> {
  if (viewer === null || !rows.some((post) => post.authorId === viewer.id && post.status === 'published')) return new Set();
  return new Set(queries.heldEdits.all(threadId, viewer.id));
}

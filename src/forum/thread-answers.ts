import { and, between, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { postVotes, posts, users, type Role } from '../db/schema.js';
import type { Viewer } from '../lib/context.js';
import { canAcceptAnswer, canVote, type PostFacts, type QuestionFacts } from './permissions.js';
import { perDatabase } from '../db/prepared.js';

// What a thread page shows about answers and votes besides its own posts: the accepted answer
// (boxed under the question, wherever it sits in the thread), the opening post (for page 2+'s
// structured data and description), the posts' stored plain text (for structured data), and which
// of the page's posts the viewer marked helpful.

/** A live post reduced to plain text: safe for excerpts, meta tags and JSON-LD. */
export type PostSummary = {
  id: number;
  number: number;
  author: { username: string; role: Role; displayName: string | null };
  createdAt: number;
  helpfulCount: number;
  text: string;
};

/** A post's answer and vote fields on a thread page. */
export type PostAnswerFields = {
  helpfulCount: number;
  votedByViewer: boolean;
  canVote: boolean;
  /** The viewer may accept this reply as the answer (or take the mark off it when it is the one). */
  canAccept: boolean;
  accepted: boolean;
};

/** `live`: the post is visible; `question`: null unless the thread is published. */
export function postAnswerFields(
  viewer: Viewer,
  post: PostFacts & { id: number; helpfulCount: number },
  page: { live: boolean; question: QuestionFacts | null; solvedPostId: number | null; voted: Set<number> },
): PostAnswerFields {
  return {
    helpfulCount: post.helpfulCount,
    votedByViewer: page.voted.has(post.id),
    canVote: page.live && canVote(viewer, post),
    canAccept: page.live && page.question !== null && canAcceptAnswer(viewer, page.question, post),
    accepted: post.id === page.solvedPostId,
  };
}

function prepare(db: Db) {
  const live = and(eq(posts.status, 'published'), sql`${posts.deletedAt} is null`, sql`${posts.hiddenAt} is null`);
  const columns = { id: posts.id, number: posts.number, username: users.username, role: users.role, displayName: users.displayName, createdAt: posts.createdAt, helpfulCount: posts.helpfulCount, text: posts.bodyText };
  return {
    byId: db.select(columns).from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(and(eq(posts.id, sql.placeholder('postId')), live)).prepare(),
    opening: db
      .select(columns)
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.threadId, sql.placeholder('threadId')), eq(posts.number, 1), live))
      .prepare(),
    // The page's range of the (thread, number) index, the text column only.
    texts: db
      .select({ id: posts.id, text: posts.bodyText })
      .from(posts)
      .where(and(eq(posts.threadId, sql.placeholder('threadId')), between(posts.number, sql.placeholder('first'), sql.placeholder('last'))))
      .prepare(),
    // Live replies by others than the asker: the posts_thread_status_idx range of the thread's published posts.
    answers: db.$client
      .prepare<{ threadId: number; askerId: number }, number>(
        "select count(*) from posts where thread_id = @threadId and status = 'published' and author_id <> @askerId and number > 1 and deleted_at is null and hidden_at is null",
      )
      .pluck(),
    // Plain SQL: run on every signed-in view, where drizzle's binding and mapping cost more than the lookup.
    voted: db.$client.prepare<[userId: number, low: number, high: number], number>('select post_id from post_votes where user_id = ? and post_id between ? and ?').pluck(),
  };
}

const statements = perDatabase(prepare);

type Row = NonNullable<ReturnType<ReturnType<typeof prepare>['byId']['get']>>;

function summary(row: Row | undefined): PostSummary | null {
  if (!row || row.number === null) return null;
  return { id: row.id, number: row.number, author: { username: row.username, role: row.role, displayName: row.displayName }, createdAt: row.createdAt, helpfulCount: row.helpfulCount, text: row.text };
}

export function acceptedAnswer(db: Db, solvedPostId: number | null): PostSummary | null {
  return solvedPostId === null ? null : summary(statements(db).byId.get({ postId: solvedPostId }));
}

export function openingPost(db: Db, threadId: number): PostSummary | null {
  return summary(statements(db).opening.get({ threadId }));
}

/**
 * The stored plain text (posts.body_text) of a thread's posts numbered first…last, by post id.
 * Read only when a page's structured data is built (once per version of the page): the page's own
 * rows leave the text out, as nothing else on the page shows it.
 */
export function postTexts(db: Db, threadId: number, range: { first: number; last: number }): Map<number, string> {
  const rows = statements(db).texts.all({ threadId, first: range.first, last: range.last });
  return new Map(rows.map((row) => [row.id, row.text]));
}

/** How many answers a question has: live replies by others than the asker (their own "thanks!" answers nothing). */
export function answerCount(db: Db, threadId: number, askerId: number): number {
  return statements(db).answers.get({ threadId, askerId }) ?? 0;
}

/** The page's posts this viewer marked helpful (one range read on the (post, user) key's user index). */
export function votedByViewer(db: Db, viewerId: number | null, postIds: number[]): Set<number> {
  if (viewerId === null || postIds.length === 0) return new Set();
  return new Set(statements(db).voted.all(viewerId, Math.min(...postIds), Math.max(...postIds)));
}

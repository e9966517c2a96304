import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CategoryKind, ContentStatus, Role } from '../db/schema.js';
import type { Viewer } from '../lib/context.js';

// The one place that decides who may do what. Pure predicates over plain data so each has a
// table-driven test; services call them and routes use them to decide what to show. Lists apply
// the same rules through the SQL filters at the end.

/** `archived`: its category is archived (read-only for members). */
export type ThreadFacts = { locked: boolean; categoryId?: number; archived?: boolean };
export type PostFacts = { authorId: number; number: number | null; deletedAt: number | null; hiddenAt: number | null };
export type Target = { role: Role };
/** The question a reply may answer: its asker (author of post 1) and its category. */
export type QuestionFacts = { authorId: number; categoryId: number; categoryKind: CategoryKind };

export function isStaff(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === 'manager' || viewer.role === 'admin');
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer?.role === 'admin';
}

/** Silenced members read and sign in but do not post or flag, until the sanction ends. */
export function isSilenced(viewer: Viewer, now: number): boolean {
  return viewer !== null && viewer.silencedUntil != null && viewer.silencedUntil > now;
}

/** Staff who may moderate this category (admins everywhere; scoped managers only inside their scope). */
export function canModerate(viewer: Viewer, categoryId: number): boolean {
  if (viewer === null || !isStaff(viewer)) return false;
  return viewer.role === 'admin' || viewer.scope === undefined || viewer.scope.includes(categoryId);
}

/** Admins and managers without a category scope: the community-wide team (docs/decisions/0022). */
export function isCommunityWideStaff(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === 'admin' || (viewer.role === 'manager' && viewer.scope === undefined));
}

/**
 * The one staff-visibility rule (docs/decisions/0022): a category's staff-only material — waiting,
 * rejected and hidden posts, edit history, audit entries — is for those who moderate that category.
 * A scoped manager is staff inside their categories and a member everywhere else.
 */
export function canSeeModeratedContent(viewer: Viewer, categoryId: number): boolean {
  return canModerate(viewer, categoryId);
}

/** Text its author deleted is gone for everyone (the thread page shows a placeholder); admins keep it for disputes and the law. */
export function canReadDeletedText(viewer: Viewer): boolean {
  return isAdmin(viewer);
}

/** The /mod area at all (what each item allows is decided per category). */
export function canUseModeration(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function canPost(viewer: Viewer, now: number): boolean {
  return viewer !== null && !isSilenced(viewer, now);
}

export function canCreateThread(viewer: Viewer, now = 0): boolean {
  return canPost(viewer, now);
}

/** An archived category takes no new threads, except from those who moderate it. */
export function canStartThreadIn(viewer: Viewer, category: { id: number; archived: boolean }): boolean {
  return !category.archived || canModerate(viewer, category.id);
}

/** A thread as replying sees it; without a status it is published. */
export type ReplyThreadFacts = ThreadFacts & { status?: ContentStatus; authorId?: number };

/**
 * Why a viewer may not reply, so pages and refusals can say so: the thread still waits for approval
 * or was not approved (`yours` for its author, who can act on it), it is locked (staff who moderate
 * it still reply), the visitor is not signed in, or the member is silenced until `until`.
 * Suspended members have no session, so they arrive here as visitors.
 */
export type ReplyBlock =
  | { kind: 'thread-pending' | 'thread-rejected'; yours: boolean }
  | { kind: 'locked' }
  | { kind: 'archived' }
  | { kind: 'sign-in' }
  | { kind: 'silenced'; until: number };

export function replyBlock(viewer: Viewer, thread: ReplyThreadFacts, now = 0): ReplyBlock | null {
  if (thread.status === 'pending' || thread.status === 'rejected') {
    return { kind: thread.status === 'pending' ? 'thread-pending' : 'thread-rejected', yours: viewer !== null && viewer.id === thread.authorId };
  }
  const moderates = thread.categoryId !== undefined ? canModerate(viewer, thread.categoryId) : isStaff(viewer);
  // An archived category is read-only like a locked thread: its moderators still reply.
  if (thread.archived && !moderates) return { kind: 'archived' };
  if (thread.locked && !moderates) return { kind: 'locked' };
  if (viewer === null) return { kind: 'sign-in' };
  if (isSilenced(viewer, now)) return { kind: 'silenced', until: viewer.silencedUntil! };
  return null;
}

export function canReply(viewer: Viewer, thread: ReplyThreadFacts, now = 0): boolean {
  return replyBlock(viewer, thread, now) === null;
}

/** Authors edit their own live posts (not in locked threads); moderators edit any live post. */
/** Editing is posting: a silenced author may not change what their posts say until the silence ends. */
export function canEditPost(viewer: Viewer, post: PostFacts, thread: ThreadFacts, now: number): boolean {
  if (viewer === null || post.deletedAt !== null) return false;
  if (thread.categoryId !== undefined ? canModerate(viewer, thread.categoryId) : isStaff(viewer)) return true;
  return post.authorId === viewer.id && post.hiddenAt === null && !thread.locked && !isSilenced(viewer, now);
}

export function canDeletePost(viewer: Viewer, post: PostFacts): boolean {
  return viewer !== null && post.authorId === viewer.id && post.deletedAt === null && post.hiddenAt === null;
}

/** Flags hide a member's post until a manager looks; a staff member's post goes to the top of the queue instead. */
export function canBeHiddenByFlags(author: { role: Role }): boolean {
  return author.role === 'member';
}

/** Members flag others' posts, once each while the flag is open; silenced members cannot. */
export function canFlag(viewer: Viewer, post: PostFacts, now: number): boolean {
  return viewer !== null && !isSilenced(viewer, now) && post.authorId !== viewer.id && post.deletedAt === null;
}

/**
 * The asker, or a manager of the category, marks one live reply of a question as its answer.
 * Not silenced-restricted: accepting is not posting.
 */
export function canAcceptAnswer(viewer: Viewer, question: QuestionFacts, post: PostFacts): boolean {
  if (viewer === null || question.categoryKind !== 'questions') return false;
  if (post.number === null || post.number < 2 || post.deletedAt !== null || post.hiddenAt !== null) return false;
  return viewer.id === question.authorId || canModerate(viewer, question.categoryId);
}

/** "Helpful" votes: signed-in members on others' live posts (silenced members too: a vote is not a post). */
export function canVote(viewer: Viewer, post: PostFacts): boolean {
  return viewer !== null && post.authorId !== viewer.id && post.deletedAt === null && post.hiddenAt === null;
}

/** Edit history is for the author and the category's staff, not the public; a deleted post's only for admins. */
export function canViewRevisions(viewer: Viewer, post: PostFacts, categoryId: number): boolean {
  if (viewer === null) return false;
  if (post.deletedAt !== null) return canReadDeletedText(viewer);
  return post.authorId === viewer.id || canSeeModeratedContent(viewer, categoryId);
}

/** Whether the viewer may read a hidden, waiting or rejected post's text (others see a placeholder or nothing). */
export function canReadHiddenPost(viewer: Viewer, post: PostFacts, categoryId: number): boolean {
  if (viewer === null) return false;
  return post.authorId === viewer.id || canSeeModeratedContent(viewer, categoryId);
}

export function canLockThread(viewer: Viewer, categoryId?: number): boolean {
  return categoryId !== undefined ? canModerate(viewer, categoryId) : isStaff(viewer);
}

export function canPinThread(viewer: Viewer, categoryId?: number): boolean {
  return canLockThread(viewer, categoryId);
}

/**
 * Silence or suspend, and lift either: a sanction holds in every category, so it is for the
 * community-wide team. Managers sanction members; admins sanction members and managers; nobody
 * sanctions admins or themselves. Scoped managers hide, reject and flag up instead.
 */
export function canSanction(viewer: Viewer, target: Target & { id: number }): boolean {
  if (viewer === null || !isCommunityWideStaff(viewer) || viewer.id === target.id || target.role === 'admin') return false;
  return viewer.role === 'admin' || target.role === 'member';
}

/**
 * "Delete spammer" hides every post of a member and suspends them until lifted: like a sanction it
 * holds everywhere, so it is for the community-wide team, and only ever aimed at members (a staff
 * account is never cleaned up, nor oneself).
 */
export function canCleanUpSpammer(viewer: Viewer, target: Target & { id: number }): boolean {
  return viewer !== null && isCommunityWideStaff(viewer) && viewer.id !== target.id && target.role === 'member';
}

/** Undoing a clean-up brings back many posts at once: admins only (within 30 days, checked by the service). */
export function canUndoSpamCleanup(viewer: Viewer): boolean {
  return isAdmin(viewer);
}

/**
 * Erasing an account for a request received by email: admins only, never their own (that is the
 * member's own "Delete my account") nor another admin's, nor the brand's account.
 */
export function canEraseAccount(viewer: Viewer, target: Target & { id: number; isBrand?: boolean }): boolean {
  return isAdmin(viewer) && viewer!.id !== target.id && target.role !== 'admin' && target.isBrand !== true;
}

/** A member deletes their own account; an admin first hands the role on (a community keeps an admin), and the brand's account never goes. */
export function canDeleteOwnAccount(viewer: Viewer, account: { role: Role; isBrand: boolean }): boolean {
  return viewer !== null && account.role !== 'admin' && !account.isBrand;
}

/** Roles and manager scopes are for admins only. */
export function canChangeRoles(viewer: Viewer): boolean {
  return isAdmin(viewer);
}

/** Watched words, category settings and embedding are community configuration: admins only. */
export function canConfigure(viewer: Viewer): boolean {
  return isAdmin(viewer);
}

export type WatchableThread = { status: string; authorId: number; categoryId: number };

/** Members choose how closely to follow a category, or a thread they can see; visitors follow nothing. */
export function canWatch(viewer: Viewer, thread?: WatchableThread): boolean {
  if (viewer === null) return false;
  if (thread === undefined || thread.status === 'published') return true;
  return thread.authorId === viewer.id || canModerate(viewer, thread.categoryId);
}

/**
 * canSeeModeratedContent as an SQL condition on a category column, for lists: true for the
 * community-wide team, the viewer's categories for a scoped manager, false for everyone else.
 * Rows whose category is null match only for the community-wide team.
 */
export function moderatedCategoryFilter(viewer: Viewer, categoryColumn: SQLiteColumn): SQL {
  if (isCommunityWideStaff(viewer)) return sql`1`;
  if (viewer === null || viewer.role !== 'manager' || viewer.scope === undefined || viewer.scope.length === 0) return sql`0`;
  return inArray(categoryColumn, viewer.scope);
}

/** The columns a visibility filter reads: the posts table or an alias of it. */
export type PostVisibilityColumns = { status: SQLiteColumn; deletedAt: SQLiteColumn; hiddenAt: SQLiteColumn };

/**
 * Visibility filter for lists built for everyone at once (feeds, sitemaps): a post any visitor may
 * read is published and neither deleted nor hidden. A thread is listed only while it is published
 * and its opening post passes this too.
 */
export function publicPost(post: PostVisibilityColumns): SQL {
  return and(eq(post.status, 'published'), isNull(post.deletedAt), isNull(post.hiddenAt))!;
}

/** A thread as adding polls sees it: its author, category, who that category lets add polls, and the polls it has. */
export type PollThreadFacts = { authorId: number; categoryId: number; pollCreators: 'members' | 'staff'; pollCount: number };

/**
 * Polls on a thread's opening post: staff who moderate its category add any number (a survey) of
 * any kind; its author adds one choice poll where the category lets members, while they may post.
 */
export function canAddPoll(viewer: Viewer, thread: PollThreadFacts, now: number, kind: 'choice' | 'scale' | 'nps' = 'choice'): boolean {
  if (viewer === null) return false;
  if (canModerate(viewer, thread.categoryId)) return true;
  return kind === 'choice' && thread.pollCreators === 'members' && thread.authorId === viewer.id && thread.pollCount === 0 && canPost(viewer, now);
}

/** Closing a poll by hand, and opening it again: the thread's author or its category's staff. */
export function canClosePoll(viewer: Viewer, thread: { authorId: number; categoryId: number }): boolean {
  return viewer !== null && (viewer.id === thread.authorId || canModerate(viewer, thread.categoryId));
}

/** Voting is for signed-in members who may reply to the thread: not locked or archived, not silenced. */
export function canVoteInPoll(viewer: Viewer, thread: ReplyThreadFacts, now: number): boolean {
  return viewer !== null && replyBlock(viewer, thread, now) === null;
}

/** A survey's anonymous results as CSV: staff who moderate the thread's category. */
export function canExportPollResults(viewer: Viewer, categoryId: number): boolean {
  return canModerate(viewer, categoryId);
}
/** An idea as voting sees it: its category archived or not, merged away or not, its status open or closed. */
export type IdeaFacts = { archived: boolean; merged: boolean; statusOpen: boolean };
export type IdeaVoteBlock = 'sign-in' | 'silenced' | 'archived' | 'merged' | 'closed';

/**
 * Why a viewer may not vote for an idea (null: they may). Voting is taking part, so silenced
 * members wait (suspended ones have no session); merged ideas' votes live on their target, and
 * ideas in a closed status (shipped, declined) are decided.
 */
export function ideaVoteBlock(viewer: Viewer, idea: IdeaFacts, now: number): IdeaVoteBlock | null {
  if (viewer === null) return 'sign-in';
  if (isSilenced(viewer, now)) return 'silenced';
  if (idea.archived) return 'archived';
  if (idea.merged) return 'merged';
  return idea.statusOpen ? null : 'closed';
}

/** An idea's status and merging are for staff who moderate its category. */
export function canManageIdea(viewer: Viewer, categoryId: number): boolean {
  return canModerate(viewer, categoryId);
}

/** The list of idea statuses is community configuration: admins only. */
export function canEditIdeaStatuses(viewer: Viewer): boolean {
  return isAdmin(viewer);
}

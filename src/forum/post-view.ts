import type { Role } from '../db/schema.js';
import type { Viewer } from '../lib/context.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { canDeletePost, canEditPost, canFlag, canReadHiddenPost, canViewRevisions, type PostFacts, type QuestionFacts } from './permissions.js';
import { repliedTo, type PostReference, type RepliesToPost } from './reply-context.js';
import { postAnswerFields, type PostAnswerFields } from './thread-answers.js';
import type { PostRow } from './thread-page.js';
import { avatarUrl } from '../profiles/avatar.js';

// One post of a thread page as this viewer sees it: what it says (if they may read it) and what
// they may do with it. Pure: the page's queries are done (src/forum/thread-page.ts).

export type PostState = 'visible' | 'deleted' | 'hidden' | 'pending' | 'rejected';

export type PostView = PostAnswerFields & {
  id: number;
  number: number | null;
  /** `official`: the brand's own account, shown with an "Official" badge. */
  author: { id: number; username: string; role: Role; official: boolean; displayName: string | null; avatarUrl: string };
  createdAt: number;
  editedAt: number | null;
  state: PostState;
  /** Null when the viewer may not read it (deleted, or hidden from them). */
  bodyHtml: SafeHtml | null;
  /** Why it was hidden or rejected, for its author and moderators only. */
  reason: string | null;
  /** Hidden automatically after enough flags, pending a manager's review. */
  autoHidden: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canViewRevisions: boolean;
  canFlag: boolean;
  flaggedByViewer: boolean;
  canModerate: boolean;
  /** The viewer wrote this published post and their edit of it is waiting for review. */
  editWaiting: boolean;
  /** The post this one answers (its "Reply" link was used), if any. */
  replyTo: PostReference | null;
  /** The published, visible replies made to this post, the same for every viewer. */
  replies: RepliesToPost | null;
  /** The viewer's own post, waiting for them to confirm their address. */
  awaitsConfirmation: boolean;
};

function stateOf(post: PostRow): PostState {
  if (post.deletedAt !== null) return 'deleted';
  if (post.status === 'pending') return 'pending';
  if (post.status === 'rejected') return 'rejected';
  return post.hiddenAt !== null ? 'hidden' : 'visible';
}

export type PageFacts = {
  moderator: boolean;
  flagged: boolean;
  now: number;
  question: QuestionFacts | null;
  solvedPostId: number | null;
  voted: Set<number>;
  held: Set<number>;
  /** The numbers of the page's first and last posts. */
  first: number;
  last: number;
  replies: RepliesToPost | null;
};

export type PostAuthor = PostView['author'];
/** A page's post with its author as every viewer sees them. */
export type AuthoredPostRow = PostRow & { author: PostAuthor };

/**
 * The posts' authors, made once per read: the shared rows of a thread page are read once per
 * version, so their authors' picture addresses (a hash of the display name for generated ones)
 * are worked out once, not on every view.
 *
 * Each row is written out field by field rather than spread: drizzle builds a row by adding its
 * 22 columns one by one under computed names, which leaves V8 holding it as a dictionary, and a
 * spread copies that. Every view reads these rows' fields (~25 each, 20 posts), and on
 * dictionaries each read is a hash lookup: written as one literal, the rows get a fixed shape and
 * the page's post views took about half the time (measured in-process).
 */
export function withAuthors(rows: PostRow[]): AuthoredPostRow[] {
  return rows.map((post) => ({
    id: post.id,
    number: post.number,
    status: post.status,
    authorId: post.authorId,
    username: post.username,
    role: post.role,
    official: post.official,
    displayName: post.displayName,
    avatarHash: post.avatarHash,
    avatarExt: post.avatarExt,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    deletedAt: post.deletedAt,
    hiddenAt: post.hiddenAt,
    hiddenReason: post.hiddenReason,
    hiddenById: post.hiddenById,
    rejectedReason: post.rejectedReason,
    bodyHtml: post.bodyHtml,
    helpfulCount: post.helpfulCount,
    replyToId: post.replyToId,
    replyToNumber: post.replyToNumber,
    replyToUsername: post.replyToUsername,
    author: { id: post.authorId, username: post.username, role: post.role, official: post.official, displayName: post.displayName, avatarUrl: avatarUrl({ username: post.username, displayName: post.displayName, avatarHash: post.avatarHash, avatarExt: post.avatarExt }) },
  }));
}

// One object literal with every field: spreading two objects into one made V8 build each post
// view field by field, which was ~40% of getThreadPage (measured in-process, 20-post pages).
export function toPostView(viewer: Viewer, post: AuthoredPostRow, thread: { locked: boolean; categoryId: number }, page: PageFacts): PostView {
  const state = stateOf(post);
  const facts: PostFacts = post;
  const readable = state === 'visible' || (state !== 'deleted' && canReadHiddenPost(viewer, facts, thread.categoryId));
  const live = state === 'visible';
  const answer = postAnswerFields(viewer, post, { live, question: page.question, solvedPostId: page.solvedPostId, voted: page.voted });
  return {
    id: post.id,
    number: post.number,
    author: post.author,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    state,
    bodyHtml: readable ? trustSanitized(post.bodyHtml) : null,
    reason: !readable ? null : state === 'hidden' ? post.hiddenReason : state === 'rejected' ? post.rejectedReason : null,
    autoHidden: state === 'hidden' && post.hiddenById === null,
    canEdit: canEditPost(viewer, facts, thread, page.now),
    canDelete: canDeletePost(viewer, facts),
    canViewRevisions: post.editedAt !== null && canViewRevisions(viewer, facts, thread.categoryId),
    canFlag: live && canFlag(viewer, facts, page.now),
    flaggedByViewer: page.flagged,
    canModerate: page.moderator && state !== 'deleted',
    editWaiting: state !== 'deleted' && page.held.has(post.id),
    helpfulCount: answer.helpfulCount,
    votedByViewer: answer.votedByViewer,
    canVote: answer.canVote,
    canAccept: answer.canAccept,
    accepted: answer.accepted,
    replyTo: repliedTo(post, page),
    replies: page.replies,
    awaitsConfirmation: state === 'pending' && viewer?.id === post.authorId && viewer.emailUnverified === true,
  };
}

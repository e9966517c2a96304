import type { Viewer } from '../lib/context.js';

// The one place that decides who may do what. Pure predicates over plain data so each has a
// table-driven test; services call them and routes use them to decide what to show.

export type ThreadFacts = { locked: boolean };
export type PostFacts = { authorId: number; number: number; deletedAt: number | null; hiddenAt: number | null };

export function isStaff(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === 'manager' || viewer.role === 'admin');
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer?.role === 'admin';
}

export function canCreateThread(viewer: Viewer): boolean {
  return viewer !== null;
}

export function canReply(viewer: Viewer, thread: ThreadFacts): boolean {
  return viewer !== null && (!thread.locked || isStaff(viewer));
}

/** Authors edit their own live posts (not in locked threads); staff may edit any live post. */
export function canEditPost(viewer: Viewer, post: PostFacts, thread: ThreadFacts): boolean {
  if (viewer === null || post.deletedAt !== null) return false;
  if (isStaff(viewer)) return true;
  return post.authorId === viewer.id && post.hiddenAt === null && !thread.locked;
}

export function canDeletePost(viewer: Viewer, post: PostFacts): boolean {
  return viewer !== null && post.authorId === viewer.id && post.deletedAt === null && post.hiddenAt === null;
}

/** Edit history is for the author and staff, not the public. */
export function canViewRevisions(viewer: Viewer, post: PostFacts): boolean {
  return viewer !== null && (post.authorId === viewer.id || isStaff(viewer));
}

/** Whether the viewer may read a hidden post's text (others see a placeholder). */
export function canReadHiddenPost(viewer: Viewer, post: PostFacts): boolean {
  return viewer !== null && (post.authorId === viewer.id || isStaff(viewer));
}

export function canLockThread(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function canPinThread(viewer: Viewer): boolean {
  return isStaff(viewer);
}


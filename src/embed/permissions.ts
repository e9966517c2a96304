import { canModerate, isAdmin } from '../forum/permissions.js';
import type { SignedIn, Viewer } from '../lib/context.js';

// Embedding predicates. They live here rather than in src/forum/permissions.ts only to keep
// parallel work from colliding; they build on its isAdmin and canModerate and may move there.

/** Allowed origins and API keys decide which other sites speak for the community: admins only. */
export function canManageEmbedding(viewer: Viewer): viewer is SignedIn {
  return isAdmin(viewer);
}

/** Attaching a help-article key to a thread is a staff tool of the thread's category. */
export function canAttachThreadKey(viewer: Viewer, categoryId: number): viewer is SignedIn {
  return canModerate(viewer, categoryId);
}

/** An API key acts for the admin who created it, and only while that person is still an admin. */
export function canRegisterEmbedThreads(creator: { role: string } | null): boolean {
  return creator?.role === 'admin';
}

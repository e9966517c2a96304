import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { canModerate, isStaff } from '../forum/permissions.js';
import type { Viewer } from '../lib/context.js';

/** Who may have a file: anyone (cacheable by everyone), this viewer only, or nobody (404). */
export type UploadAccess = 'public' | 'private' | 'none';

type LinkRow = {
  uploaderId: number | null;
  purpose: string;
  postAuthorId: number | null;
  postPublic: number | null;
  categoryId: number | null;
};

// One indexed query per request: every upload row with this file as its image or its smaller
// variant (uploads_hash_idx, uploads_small_hash_idx), with the posts that show it
// (post_uploads_upload_idx) and whether each is visible to everyone.
const statement = perDatabase((db) =>
  db.$client.prepare<{ hash: string; ext: string }, LinkRow>(
    `select u.user_id as uploaderId, u.purpose as purpose, p.author_id as postAuthorId, t.category_id as categoryId,
       (p.status = 'published' and p.deleted_at is null and p.hidden_at is null and t.status = 'published') as postPublic
     from uploads u
     left join post_uploads pu on pu.upload_id = u.id
     left join posts p on p.id = pu.post_id
     left join threads t on t.id = p.thread_id
     where (u.hash = @hash or u.small_hash = @hash) and u.ext = @ext`,
  ),
);

/**
 * The moderation of images: an upload is everyone's when one of its posts is visible to everyone
 * (published, neither hidden nor deleted, in a published thread), and avatars always are. Otherwise
 * it is for its uploader and the staff who may see one of its posts; an image in no post yet (just
 * uploaded, or in an edit waiting for review) is for its uploader and staff, so reviewers see what
 * they approve. Everyone else gets a 404, as if it did not exist.
 */
export function uploadAccess(db: Db, viewer: Viewer, file: { hash: string; ext: string }): UploadAccess {
  const rows = statement(db).all(file);
  if (rows.length === 0) return 'none';
  if (rows.some((row) => row.purpose === 'avatar' || row.postPublic === 1)) return 'public';
  if (viewer === null) return 'none';
  const allowed = rows.some((row) => {
    if (row.uploaderId === viewer.id) return true;
    if (row.categoryId === null) return isStaff(viewer);
    return canModerate(viewer, row.categoryId);
  });
  return allowed ? 'private' : 'none';
}

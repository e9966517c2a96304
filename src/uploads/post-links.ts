import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { uploadHashesIn } from './urls.js';

/**
 * Keeps post_uploads in step with a post's markdown, inside the transaction that writes the post:
 * an image is served to those who may see one of the posts it is linked to (src/uploads/access.ts).
 * Only images uploaded by `userIds` (the author, and an editor) are linked: a member who pastes the
 * address of someone else's image does not make it public; it stays as visible as its own posts.
 * `replace` drops the post's earlier links first (an edit); a new post has none.
 */
export function linkPostUploads(tx: Db | Tx, input: { postId: number; body: string; userIds: number[]; replace: boolean }): void {
  if (input.replace) tx.run(sql`delete from post_uploads where post_id = ${input.postId}`);
  // Most posts carry no image: no query at all for them.
  if (!input.body.includes('/uploads/')) return;
  const hashes = uploadHashesIn(input.body);
  if (hashes.length === 0) return;
  const hashList = sql.join(hashes.map((hash) => sql`${hash}`), sql`, `);
  const userList = sql.join(input.userIds.map((id) => sql`${id}`), sql`, `);
  tx.run(sql`insert or ignore into post_uploads (post_id, upload_id)
    select ${input.postId}, id from uploads
    where hash in (${hashList}) and purpose = 'post' and user_id in (${userList})`);
}

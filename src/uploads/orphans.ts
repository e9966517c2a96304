import type { Db } from '../db/client.js';
import type { UploadStore } from './store.js';

/** An upload no post shows and no member wears for this long is collected. */
export const ORPHAN_AFTER_MS = 24 * 60 * 60_000;
const BATCH = 200;

type Orphan = { id: number; hash: string; ext: string; smallHash: string | null };

/*
 * Old enough, in no post, nobody's avatar, and not in an edit waiting for review (its images are
 * linked when it is approved). The two NOT IN lists are each read once per query.
 */
const FIND = `select id, hash, ext, small_hash as smallHash from uploads
  where created_at < ?
    and not exists (select 1 from post_uploads where post_uploads.upload_id = uploads.id)
    and id not in (select avatar_upload_id from users where avatar_upload_id is not null)
    and not exists (select 1 from pending_edits where instr(pending_edits.body, uploads.hash) > 0)
  order by created_at limit ${BATCH}`;
const STILL_USED = 'select 1 from uploads where hash = @hash or small_hash = @hash limit 1';

/**
 * Removes orphaned uploads: the rows first, then each file that no remaining row uses (two
 * members who uploaded the same picture share its file). A file whose removal fails is left for
 * the operator; its row is gone, so it is never served again. Returns how many rows went.
 */
export async function collectOrphanUploads(db: Db, store: UploadStore, now: number): Promise<number> {
  const client = db.$client;
  const orphans = client.prepare<[number], Orphan>(FIND).all(now - ORPHAN_AFTER_MS);
  if (orphans.length === 0) return 0;
  const remove = client.prepare<[number]>('delete from uploads where id = ?');
  client.transaction(() => {
    for (const orphan of orphans) remove.run(orphan.id);
  }).immediate();
  const stillUsed = client.prepare<{ hash: string }>(STILL_USED).pluck();
  for (const orphan of orphans) {
    for (const hash of [orphan.hash, orphan.smallHash]) {
      if (hash !== null && stillUsed.get({ hash }) === undefined) await store.remove(hash, orphan.ext);
    }
  }
  return orphans.length;
}

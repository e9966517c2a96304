import type { Db } from '../db/client.js';
import { modLog } from '../db/schema.js';

export type { Tx } from '../forum/counters.js';
import type { Tx } from '../forum/counters.js';

/** Every staff action, in plain words on /mod/log; call inside the transaction of the action itself. */
export const modActions = {
  approve: 'approved a post',
  reject: 'rejected a post',
  approve_edit: 'approved an edit',
  reject_edit: 'rejected an edit',
  dismiss_flags: 'dismissed flags on a post',
  hide: 'hid a post',
  unhide: 'unhid a post',
  edit: 'edited a post',
  lock: 'locked a thread',
  unlock: 'unlocked a thread',
  pin: 'pinned a thread',
  unpin: 'unpinned a thread',
  move: 'moved a thread',
  rename: 'renamed a thread',
  silence: 'silenced a member',
  unsilence: 'lifted a silence',
  suspend: 'suspended a member',
  unsuspend: 'lifted a suspension',
  role_change: 'changed a role',
  scope_change: 'changed a manager’s categories',
  watched_word_add: 'added a watched word',
  watched_word_remove: 'removed a watched word',
  category_settings: 'changed category settings',
  flag_settings: 'changed when flags hide a post',
  embed_origin_added: 'allowed an embedding origin',
  embed_origin_removed: 'removed an embedding origin',
  api_key_created: 'created an API key',
  api_key_revoked: 'revoked an API key',
  thread_key_attached: 'attached an embed key to a thread',
  accept_answer: 'accepted an answer for the asker',
  unaccept_answer: 'removed an accepted answer',
} as const;
export type ModAction = keyof typeof modActions;

export type ModActionRecord = {
  /** Null for the command line and automatic actions (e.g. auto-hide after flags). */
  actorId: number | null;
  action: ModAction;
  targetUserId?: number | null;
  targetThreadId?: number | null;
  targetPostId?: number | null;
  categoryId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  at: number;
};

export function recordModAction(tx: Tx | Db, entry: ModActionRecord): void {
  tx.insert(modLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetUserId: entry.targetUserId ?? null,
      targetThreadId: entry.targetThreadId ?? null,
      targetPostId: entry.targetPostId ?? null,
      categoryId: entry.categoryId ?? null,
      reason: entry.reason ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: entry.at,
    })
    .run();
}

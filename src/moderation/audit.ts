import type { Db } from '../db/client.js';
import type { MessageKey } from '../i18n/catalog.js';
import { modLog } from '../db/schema.js';

export type { Tx } from '../forum/counters.js';
import type { Tx } from '../forum/counters.js';

/**
 * Every staff action, and the message that says it on /mod/log ("approved a post"). Record one
 * with recordModAction inside the transaction of the action itself.
 */
export const modActions = {
  approve: 'modLog.action.approve',
  reject: 'modLog.action.reject',
  approve_edit: 'modLog.action.approveEdit',
  reject_edit: 'modLog.action.rejectEdit',
  dismiss_flags: 'modLog.action.dismissFlags',
  hide: 'modLog.action.hide',
  unhide: 'modLog.action.unhide',
  edit: 'modLog.action.edit',
  lock: 'modLog.action.lock',
  unlock: 'modLog.action.unlock',
  pin: 'modLog.action.pin',
  unpin: 'modLog.action.unpin',
  move: 'modLog.action.move',
  rename: 'modLog.action.rename',
  silence: 'modLog.action.silence',
  unsilence: 'modLog.action.unsilence',
  suspend: 'modLog.action.suspend',
  unsuspend: 'modLog.action.unsuspend',
  role_change: 'modLog.action.roleChange',
  scope_change: 'modLog.action.scopeChange',
  watched_word_add: 'modLog.action.watchedWordAdd',
  watched_word_remove: 'modLog.action.watchedWordRemove',
  category_settings: 'modLog.action.categorySettings',
  category_create: 'modLog.action.categoryCreate',
  category_move: 'modLog.action.categoryMove',
  category_archive: 'modLog.action.categoryArchive',
  category_unarchive: 'modLog.action.categoryUnarchive',
  appearance_settings: 'modLog.action.appearanceSettings',
  flag_settings: 'modLog.action.flagSettings',
  alert_settings: 'modLog.action.alertSettings',
  community_language: 'modLog.action.communityLanguage',
  embed_origin_added: 'modLog.action.embedOriginAdded',
  embed_origin_removed: 'modLog.action.embedOriginRemoved',
  api_key_created: 'modLog.action.apiKeyCreated',
  api_key_revoked: 'modLog.action.apiKeyRevoked',
  thread_key_attached: 'modLog.action.threadKeyAttached',
  accept_answer: 'modLog.action.acceptAnswer',
  unaccept_answer: 'modLog.action.unacceptAnswer',
  claim_thread: 'modLog.action.claimThread',
  release_thread: 'modLog.action.releaseThread',
  delete_spammer: 'modLog.action.deleteSpammer',
  undo_spam_cleanup: 'modLog.action.undoSpamCleanup',
  block_domain: 'modLog.action.blockDomain',
  unblock_domain: 'modLog.action.unblockDomain',
  sign_in_settings: 'modLog.action.signInSettings',
  username_change: 'modLog.action.usernameChange',
  profile_field_add: 'modLog.action.profileFieldAdd',
  profile_field_rename: 'modLog.action.profileFieldRename',
  profile_field_move: 'modLog.action.profileFieldMove',
  profile_field_remove: 'modLog.action.profileFieldRemove',
  idea_status: 'modLog.action.ideaStatus',
  idea_merge: 'modLog.action.ideaMerge',
  idea_statuses: 'modLog.action.ideaStatuses',
  erase_account: 'modLog.action.eraseAccount',
  privacy_settings: 'modLog.action.privacySettings',
} as const satisfies Record<string, MessageKey>;
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

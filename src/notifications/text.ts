import type { MessageKey } from '../i18n/catalog.js';
import { isUntilLifted } from '../moderation/sanction-end.js';
import type { NotificationView } from './list.js';

// What a notification says, without knowing in which language: a message key and its values. The
// notifications page and email put it into words (views/components/notification-text.ts); the
// values members or managers wrote (a title, a name, a reason) are kept apart, so each reader's
// page can set them off from the sentence around them.

export type NotificationSentence = {
  key: MessageKey;
  /** The thread's title (member text), or null when the thread is gone. */
  title: string | null;
  /** Who did it (a username), or null for a former member. */
  actor: string | null;
  /** A manager's reason, if they gave one. */
  reason: string | null;
  /** When a silence or suspension ends. */
  until?: number;
  /** How many replies a group stands for. */
  count?: number;
  /** The number of the post a reply answered. */
  replyTo?: number;
  /** How many minutes a staff alert's items waited, at least. */
  minutes?: number;
  /** An idea's new status (a built-in's key, or the name an admin gave it) and the manager's note. */
  ideaStatus?: { key: string; name: string | null };
  note?: string;
};

function textOf(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

// Staff alerts are about a list, not one post or thread: they lead to the page that holds it.
const listPaths: Partial<Record<string, string>> = { review_overdue: '/mod/queue', unanswered_summary: '/mod/insights' };

/** Where a notification about no post or thread leads, if its kind leads anywhere. */
export function notificationListPath(kind: string): string | null {
  return listPaths[kind] ?? null;
}

function numberOf(data: Record<string, unknown>, name: string): number {
  const value = data[name];
  return typeof value === 'number' ? value : 0;
}

function sentence(item: NotificationView, key: MessageKey, more: Partial<NotificationSentence> = {}): NotificationSentence {
  const title = item.threadTitle ?? textOf(item.data, 'title');
  return { key, title, actor: item.actor, reason: textOf(item.data, 'reason'), ...more };
}

function sanction(item: NotificationView, dated: MessageKey, open: MessageKey, lifted: MessageKey = open): NotificationSentence {
  const until = item.data['until'];
  if (isUntilLifted(until as number | undefined)) return sentence(item, lifted);
  return typeof until === 'number' ? sentence(item, dated, { until }) : sentence(item, open);
}

const simple: Partial<Record<NotificationView['kind'], MessageKey>> = {
  post_approved: 'notification.postApproved',
  post_rejected: 'notification.postRejected',
  edit_approved: 'notification.editApproved',
  edit_rejected: 'notification.editRejected',
  post_hidden: 'notification.postHidden',
  post_unhidden: 'notification.postUnhidden',
};

/** Each kind in plain words, the same on the notifications page and in email; the member learns what happened and why. */
export function notificationSentence(item: NotificationView): NotificationSentence {
  const key = simple[item.kind];
  if (key) return sentence(item, key);
  switch (item.kind) {
    case 'silenced':
      return sanction(item, 'notification.silenced', 'notification.silencedIndefinitely');
    case 'suspended':
      return sanction(item, 'notification.suspended', 'notification.suspendedIndefinitely', 'notification.suspendedUntilLifted');
    case 'answer_accepted':
      return sentence(item, item.actor ? 'notification.answerAccepted' : 'notification.answerAcceptedByAsker');
    case 'idea_status':
      return ideaStatusSentence(item);
    case 'sanction_lifted':
      return sentence(item, item.data['sanction'] === 'suspension' ? 'notification.suspensionLifted' : 'notification.silenceLifted');
    case 'reply':
    case 'reply_to_post':
    case 'mention':
    case 'new_thread':
      return activity(item);
    case 'review_overdue':
      return sentence(item, 'notification.reviewOverdue', { count: numberOf(item.data, 'count'), minutes: numberOf(item.data, 'minutes') });
    case 'unanswered_summary':
      return sentence(item, 'notification.unansweredSummary', { count: numberOf(item.data, 'count') });
    default:
      return sentence(item, 'notification.other');
  }
}

/** Someone else's post: who did what where, without the post's text (it may change or go). */
function activity(item: NotificationView): NotificationSentence {
  if (!item.available) return sentence(item, 'notification.unavailable');
  if (item.kind === 'reply' && item.groupSize > 1) return sentence(item, 'notification.replies', { count: item.groupSize });
  if (item.kind === 'reply') return sentence(item, 'notification.reply');
  if (item.kind === 'reply_to_post' && typeof item.data['replyTo'] === 'number') return sentence(item, 'notification.replyToPost', { replyTo: item.data['replyTo'] });
  if (item.kind === 'reply_to_post') return sentence(item, 'notification.replyToThread');
  if (item.kind === 'mention') return sentence(item, 'notification.mention');
  return sentence(item, 'notification.newThread');
}

/** An idea's new status, named as it was when it changed, with the manager's public note if any. */
function ideaStatusSentence(item: NotificationView): NotificationSentence {
  const ideaStatus = { key: textOf(item.data, 'status') ?? '', name: textOf(item.data, 'statusName') };
  const note = textOf(item.data, 'note');
  return note ? sentence(item, 'notification.ideaStatusNote', { ideaStatus, note }) : sentence(item, 'notification.ideaStatus', { ideaStatus });
}

import type { NotificationView } from './list.js';
import { quotedSentenceEnd } from '../lib/quote.js';

// Plain text: the page escapes it like any other value, email sends it as it is.

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function until(data: Record<string, unknown>): string {
  return typeof data['until'] === 'number' ? `${dateFormat.format(data['until'])} UTC` : 'further notice';
}

function reason(data: Record<string, unknown>): string {
  return typeof data['reason'] === 'string' && data['reason'] ? ` Reason: ${quotedSentenceEnd(data['reason'])}` : '';
}

/** Each kind in plain words, the same on the notifications page and in email; the member learns what happened and why. */
export function notificationText(item: NotificationView): string {
  const title = item.threadTitle ?? (typeof item.data['title'] === 'string' ? item.data['title'] : 'your post');
  switch (item.kind) {
    case 'post_approved':
      return `Your post in “${title}” was approved and is now public.`;
    case 'post_rejected':
      return `Your post in “${title}” was not approved.${reason(item.data)} Your text is kept: you can edit it and send it again.`;
    case 'edit_approved':
      return `Your edit to your post in “${title}” was approved and is now public.`;
    case 'edit_rejected':
      return `Your edit to your post in “${title}” was not approved.${reason(item.data)} The earlier version stays public; you can edit the post again.`;
    case 'post_hidden':
      return `A community manager hid your post in “${title}”.${reason(item.data)}`;
    case 'post_unhidden':
      return `Your post in “${title}” is visible again.`;
    case 'silenced':
      return `You have been silenced until ${until(item.data)}: you can read but not post or flag.${reason(item.data)}`;
    case 'suspended':
      return `Your account was suspended until ${until(item.data)}.${reason(item.data)}`;
    case 'answer_accepted':
      return `${item.actor ?? 'The asker'} accepted your reply as the answer to “${title}”. Thank you for helping.`;
    case 'sanction_lifted':
      return `Your ${item.data['sanction'] === 'suspension' ? 'suspension' : 'silence'} was lifted. Welcome back.`;
    case 'reply':
    case 'reply_to_post':
    case 'mention':
    case 'new_thread':
      return activity(item, title);
    default:
      return `You have a new notification.`;
  }
}

/** Someone else's post: who did what where, without the post's text (it may change or go). */
function activity(item: NotificationView, title: string): string {
  const actor = item.actor ?? 'A former member';
  if (!item.available) return `A post by ${actor} that you were notified about is no longer available.`;
  if (item.kind === 'reply' && item.groupSize > 1) return `${item.groupSize} new replies in “${title}”`;
  if (item.kind === 'reply') return `${actor} replied in “${title}”`;
  if (item.kind === 'reply_to_post' && typeof item.data['replyTo'] === 'number') return `${actor} replied to your post #${item.data['replyTo']} in “${title}”`;
  if (item.kind === 'reply_to_post') return `${actor} replied to your thread “${title}”`;
  if (item.kind === 'mention') return `${actor} mentioned you in “${title}”`;
  return `${actor} started a new thread: “${title}”`;
}

import type { NotificationView } from '../../src/notifications/list.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';

export type NotificationsProps = { notifications: NotificationView[]; nextCursor: number | null; isFirstPage: boolean; unread: number };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function until(data: Record<string, unknown>): string {
  return typeof data['until'] === 'number' ? `${dateFormat.format(data['until'])} UTC` : 'further notice';
}

function reason(data: Record<string, unknown>): Html {
  return typeof data['reason'] === 'string' && data['reason'] ? html` Reason: “${data['reason']}”.` : html``;
}

/** Each kind in plain words; the member learns what happened and why. */
function message(item: NotificationView): Html {
  const title = item.threadTitle ?? (typeof item.data['title'] === 'string' ? item.data['title'] : 'your post');
  switch (item.kind) {
    case 'post_approved':
      return html`Your post in “${title}” was approved and is now public.`;
    case 'post_rejected':
      return html`Your post in “${title}” was not approved.${reason(item.data)} Your text is kept: you can edit it and send it again.`;
    case 'post_hidden':
      return html`A community manager hid your post in “${title}”.${reason(item.data)}`;
    case 'post_unhidden':
      return html`Your post in “${title}” is visible again.`;
    case 'silenced':
      return html`You have been silenced until ${until(item.data)}: you can read but not post or flag.${reason(item.data)}`;
    case 'suspended':
      return html`Your account was suspended until ${until(item.data)}.${reason(item.data)}`;
    case 'answer_accepted':
      return html`${item.actor ?? 'The asker'} accepted your reply as the answer to “${title}”. Thank you for helping.`;
    case 'sanction_lifted':
      return html`Your ${item.data['sanction'] === 'suspension' ? 'suspension' : 'silence'} was lifted. Welcome back.`;
    case 'reply':
    case 'reply_to_post':
    case 'mention':
    case 'new_thread':
      return activity(item, title);
    default:
      return html`You have a new notification.`;
  }
}

/** Someone else's post: who did what where, without the post's text (it may change or go). */
function activity(item: NotificationView, title: string): Html {
  const actor = item.actor ?? 'A former member';
  if (!item.available) return html`A post by ${actor} that you were notified about is no longer available.`;
  if (item.kind === 'reply' && item.groupSize > 1) return html`${item.groupSize} new replies in “${title}”`;
  if (item.kind === 'reply') return html`${actor} replied in “${title}”`;
  if (item.kind === 'reply_to_post' && typeof item.data['replyTo'] === 'number') return html`${actor} replied to your post #${item.data['replyTo']} in “${title}”`;
  if (item.kind === 'reply_to_post') return html`${actor} replied to your thread “${title}”`;
  if (item.kind === 'mention') return html`${actor} mentioned you in “${title}”`;
  return html`${actor} started a new thread: “${title}”`;
}

// A div, not a p: the parser would close a p at the form, putting "Open" on a line of its own.
function item(entry: NotificationView): Html {
  const target = entry.postId !== null || entry.threadId !== null;
  return html`<li class="notification${entry.read ? '' : ' unread'}">
  <p>${entry.read ? '' : html`<span class="visually-hidden">Unread: </span>`}${message(entry)}</p>
  <div class="muted">${time(entry.createdAt)}${
    target
      ? html` · <form method="post" action="/notifications/${entry.id}/open" class="inline-form"><button type="submit" class="link-button">Open</button></form>`
      : ''
  }</div>
</li>`;
}

export function notificationsPage(props: NotificationsProps): Html {
  return html`<div class="page-heading">
  <h1>Notifications</h1>
  ${props.unread > 0 ? html`<form method="post" action="/notifications/read-all" class="inline-form"><button type="submit" class="button-secondary">Mark all read</button></form>` : ''}
</div>
${props.notifications.length === 0
  ? html`<p class="empty">${props.isFirstPage ? 'Nothing yet. We will let you know here when something needs your attention.' : 'No older notifications.'}</p>`
  : html`<ol class="notification-list">${props.notifications.map(item)}</ol>`}
<nav class="pagination" aria-label="More notifications">
  ${props.isFirstPage ? '' : html`<a href="/notifications">← Newest</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/notifications?before=${props.nextCursor}">Older →</a>` : ''}
</nav>`;
}

/** The same words for email (src/email/immediate.ts). */
export { message as notificationText };

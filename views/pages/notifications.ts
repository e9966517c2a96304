import type { NotificationView } from '../../src/notifications/list.js';
import { notificationText } from '../../src/notifications/text.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type NotificationsProps = { notifications: NotificationView[]; nextCursor: number | null; isFirstPage: boolean; unread: number };

// A div, not a p: the parser would close a p at the form, putting "Open" on a line of its own.
function item(entry: NotificationView): Html {
  const target = entry.postId !== null || entry.threadId !== null;
  return html`<li class="notification${entry.read ? '' : ' unread'}">
  <p>${entry.read ? '' : html`<span class="visually-hidden">Unread: </span>`}${notificationText(entry)}</p>
  <div class="muted">${legacyTime(entry.createdAt)}${
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

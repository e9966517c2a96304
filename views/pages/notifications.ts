import type { NotificationView } from '../../src/notifications/list.js';
import { notificationListPath, notificationSentence } from '../../src/notifications/text.js';
import type { I18n } from '../../src/i18n/translator.js';
import { notificationHtml } from '../components/notification-text.js';
import { relativeTime } from '../components/time.js';
import { avatarImage } from '../components/avatar.js';
import { html, type Html } from '../html.js';

export type NotificationsProps = { i18n: I18n; notifications: NotificationView[]; nextCursor: number | null; isFirstPage: boolean; unread: number };

type Labels = { unread: string; open: string };

/** The actor as "Display Name (@username)" when they chose a display name. */
function sentenceOf(i18n: I18n, entry: NotificationView) {
  const sentence = notificationSentence(entry);
  if (entry.actor === null || entry.actorDisplayName === null || sentence.actor === null) return sentence;
  return { ...sentence, actor: i18n.t('notification.actorWithName', { name: entry.actorDisplayName, username: entry.actor }) };
}

// A div, not a p: the parser would close a p at the form, putting "Open" on a line of its own.
function item(i18n: I18n, labels: Labels, entry: NotificationView): Html {
  const target = entry.postId !== null || entry.threadId !== null || notificationListPath(entry.kind) !== null;
  return html`<li class="notification${entry.read ? '' : ' unread'}">
  <p dir="auto">${entry.actorAvatarUrl ? avatarImage(entry.actorAvatarUrl, 24) : ''}${entry.read ? '' : html`<span class="visually-hidden">${labels.unread} </span>`}${notificationHtml(i18n, sentenceOf(i18n, entry))}</p>
  <div class="muted">${relativeTime(i18n, entry.createdAt)}${
    target
      ? html` · <form method="post" action="/notifications/${entry.id}/open" class="inline-form"><button type="submit" class="link-button">${labels.open}</button></form>`
      : ''
  }</div>
</li>`;
}

export function notificationsPage(props: NotificationsProps): Html {
  const { i18n } = props;
  const labels: Labels = { unread: i18n.t('notification.unreadLabel'), open: i18n.t('notification.open') };
  return html`<div class="page-heading">
  <h1>${i18n.t('layout.notifications')}</h1>
  ${props.unread > 0 ? html`<form method="post" action="/notifications/read-all" class="inline-form"><button type="submit" class="button-secondary">${i18n.t('notification.markAllRead')}</button></form>` : ''}
</div>
${props.notifications.length === 0
  ? html`<p class="empty">${i18n.t(props.isFirstPage ? 'notification.empty' : 'notification.noOlder')}</p>`
  : html`<ol class="notification-list">${props.notifications.map((entry) => item(i18n, labels, entry))}</ol>`}
<nav class="pagination" aria-label="${i18n.t('notification.moreLabel')}">
  ${props.isFirstPage ? '' : html`<a href="/notifications"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('notification.newest')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/notifications?before=${props.nextCursor}">${i18n.t('notification.older')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

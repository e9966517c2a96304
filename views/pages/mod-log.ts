import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { LogEntry } from '../../src/moderation/log.js';
import { modNav, roleName } from '../components/mod-nav.js';
import { quoted } from '../components/quoted.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type LogFilterValues = { actor: string; action: string; target: string };

export type ModLogProps = {
  i18n: I18n;
  /** Each action's message (the audit vocabulary, `modActions`). */
  actionLabels: Readonly<Record<string, MessageKey>>;
  entries: LogEntry[]; nextCursor: number | null; isFirstPage: boolean; isAdmin: boolean; filters: LogFilterValues; filterQuery: string };

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;

/** The log is read to reconstruct what happened when: the time of day matters, not just the date. */
function when(i18n: I18n, ms: number): Html {
  return html`<time datetime="${new Date(ms).toISOString()}">${i18n.dateTime(ms)}</time>`;
}

function userLink(username: string): Html {
  return html`<a dir="auto" href="/u/${encodeURIComponent(username)}">${username}</a>`;
}

function postAndThread(i18n: I18n, entry: LogEntry): Html | null {
  const { post, thread } = entry;
  const postLink = post ? html`<a href="/p/${post.id}">${post.number === null ? i18n.t('modLog.waitingPost') : i18n.t('modLog.postNumber', { number: post.number })}</a>` : null;
  const threadLink = thread ? html`<a dir="auto" href="/t/${thread.id}/${thread.slug}">${thread.title}</a>` : null;
  if (postLink && threadLink) return rich(i18n, 'modLog.postInThread', { post: postLink, thread: threadLink });
  return postLink ?? threadLink;
}

function target(i18n: I18n, entry: LogEntry): Html {
  const parts: Html[] = [];
  if (entry.targetUser) parts.push(userLink(entry.targetUser));
  const concerning = postAndThread(i18n, entry);
  if (concerning) parts.push(concerning);
  if (entry.category && !entry.thread) parts.push(html`<a dir="auto" href="/c/${entry.category.slug}">${entry.category.name}</a>`);
  return parts.length === 0 ? html`<span class="muted">—</span>` : html`${parts.map((part, index) => html`${index > 0 ? ' ' : ''}${part}`)}`;
}

/** Settings as they were stored (their names and values are the configuration's own words). */
function describe(i18n: I18n, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? i18n.t('modLog.everywhere') : new Intl.ListFormat(i18n.locale, { type: 'unit' }).format(value.map((item) => (typeof item === 'object' ? describe(i18n, item) : String(item))));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key} ${describe(i18n, inner)}`).join(', ');
  return String(value);
}

/** What changed, in a short line: "Member → Community manager", "word: “casino” (block)". */
function details(i18n: I18n, entry: LogEntry): Html {
  const { details: data } = entry;
  if ('from' in data && 'to' in data) {
    const show = (value: unknown) => (entry.action === 'role_change' ? roleName(i18n, String(value)) : describe(i18n, value));
    return html`${show(data['from'])} ${arrow('→')} ${show(data['to'])}`;
  }
  if ('to' in data) return html`${arrow('→')} ${describe(i18n, data['to'])}`;
  // A claim released by someone other than the manager who held it (src/moderation/claims.ts).
  if ('claimedBy' in data) return html`${i18n.t('modLog.claimedBy', { username: String(data['claimedBy']) })}`;
  if ('word' in data) return rich(i18n, 'modLog.watchedWord', { word: quoted(String(data['word'])), action: String(data['action'] ?? '') });
  if ('categories' in data) return html`${i18n.t('modLog.scopeCategories', { categories: describe(i18n, data['categories']) })}`;
  if (typeof data['posts'] === 'number') return html`${i18n.t('modLog.spamCleanup', { posts: data['posts'], threads: Number(data['threads'] ?? 0) })}`;
  if (data['untilLifted'] === true) return html`${i18n.t('modLog.untilLifted')}`;
  if (typeof data['restored'] === 'number') return html`${i18n.t('modLog.spamCleanupUndone', { restored: data['restored'] })}`;
  if (typeof data['domain'] === 'string') return html`<bdi>${data['domain']}</bdi>`;
  // A profile field added, moved or removed (src/profiles/profile-fields.ts).
  if (typeof data['label'] === 'string') return html`<bdi>${data['label']}</bdi>`;
  if ('days' in data && typeof data['until'] === 'number') {
    return rich(i18n, 'modLog.sanctionDays', { days: Number(data['days']), until: time(i18n, data['until']) });
  }
  return html``;
}

function row(i18n: I18n, entry: LogEntry, labels: Readonly<Record<string, MessageKey>>, system: string): Html {
  const label = labels[entry.action];
  return html`<tr>
  <td>${when(i18n, entry.createdAt)}</td>
  <td>${entry.actor ? userLink(entry.actor) : html`<span class="muted">${system}</span>`}</td>
  <td>${label ? i18n.t(label) : entry.action}</td>
  <td>${target(i18n, entry)}</td>
  <td>${entry.reason ? quoted(entry.reason) : ''} ${details(i18n, entry)}</td>
</tr>`;
}

function filterForm(i18n: I18n, filters: LogFilterValues, labels: Readonly<Record<string, MessageKey>>): Html {
  const actions = Object.entries(labels).map(([key, label]) => [key, i18n.t(label)] as const);
  return html`<form method="get" action="/mod/log" class="filter-form" aria-label="${i18n.t('modLog.filterLabel')}">
  <label>${i18n.t('modLog.doneBy')} <input name="actor" value="${filters.actor}" placeholder="${i18n.t('modLog.usernamePlaceholder')}" size="14" dir="auto"></label>
  <label>${i18n.t('modLog.actionColumn')} <select name="action"><option value="">${i18n.t('modLog.anyAction')}</option>${actions.map(([key, label]) =>
    key === filters.action ? html`<option value="${key}" selected>${label}</option>` : html`<option value="${key}">${label}</option>`,
  )}</select></label>
  <label>${i18n.t('modLog.concerningMember')} <input name="target" value="${filters.target}" placeholder="${i18n.t('modLog.usernamePlaceholder')}" size="14" dir="auto"></label>
  <button type="submit" class="button-secondary">${i18n.t('modLog.show')}</button>
</form>`;
}

function table(props: ModLogProps): Html {
  const { i18n } = props;
  const system = i18n.t('modLog.system');
  return html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">${i18n.t('modLog.when')}</th><th scope="col">${i18n.t('modLog.who')}</th><th scope="col">${i18n.t('modLog.actionColumn')}</th><th scope="col">${i18n.t('modLog.concerning')}</th><th scope="col">${i18n.t('modLog.reasonAndDetails')}</th></tr></thead>
  <tbody>${props.entries.map((entry) => row(i18n, entry, props.actionLabels, system))}</tbody>
</table></div>`;
}

export function modLogPage(props: ModLogProps): Html {
  const { i18n } = props;
  const more = props.filterQuery ? `${props.filterQuery}&` : '';
  return html`<h1>${i18n.t('modNav.log')}</h1>
${modNav(i18n, 'log', props.isAdmin)}
<p class="lead">${i18n.t('modLog.lead')}</p>
${filterForm(i18n, props.filters, props.actionLabels)}
${props.entries.length === 0 ? html`<p class="empty">${props.isFirstPage ? i18n.t('modLog.noMatches') : i18n.t('modLog.noOlder')}</p>` : table(props)}
<nav class="pagination" aria-label="${i18n.t('modLog.moreEntries')}">
  ${props.isFirstPage ? '' : html`<a href="/mod/log${props.filterQuery ? `?${props.filterQuery}` : ''}">${arrow('←')} ${i18n.t('modLog.newest')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/log?${more}before=${props.nextCursor}">${i18n.t('modLog.older')} ${arrow('→')}</a>` : ''}
</nav>`;
}

import type { LogEntry } from '../../src/moderation/log.js';
import { modNav } from '../components/mod-nav.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type LogFilterValues = { actor: string; action: string; target: string };

export type ModLogProps = {
  /** Each action in plain words (the audit vocabulary, `modActions`). */
  actionLabels: Readonly<Record<string, string>>;
  entries: LogEntry[]; nextCursor: number | null; isFirstPage: boolean; isAdmin: boolean; filters: LogFilterValues; filterQuery: string };

const stamp = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The log is read to reconstruct what happened when: the time of day matters, not just the date. */
function when(ms: number): Html {
  return html`<time datetime="${new Date(ms).toISOString()}">${stamp.format(ms)} UTC</time>`;
}

function userLink(username: string): Html {
  return html`<a href="/u/${encodeURIComponent(username)}">${username}</a>`;
}

function target(entry: LogEntry): Html {
  const parts: Html[] = [];
  if (entry.targetUser) parts.push(userLink(entry.targetUser));
  if (entry.post) parts.push(html`<a href="/p/${entry.post.id}">${entry.post.number === null ? 'a waiting post' : `post #${entry.post.number}`}</a>`);
  if (entry.thread) parts.push(html`${entry.post ? 'in ' : ''}<a href="/t/${entry.thread.id}/${entry.thread.slug}">${entry.thread.title}</a>`);
  if (entry.category && !entry.thread) parts.push(html`<a href="/c/${entry.category.slug}">${entry.category.name}</a>`);
  return parts.length === 0 ? html`<span class="muted">—</span>` : html`${parts.map((part, index) => html`${index > 0 ? ' ' : ''}${part}`)}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? 'everywhere' : value.join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key} ${describe(inner)}`).join(', ');
  return String(value);
}

/** What changed, in a short line: "member → manager", "word: “casino” (block)". */
function details(entry: LogEntry): Html {
  const { details: data } = entry;
  if ('from' in data && 'to' in data) return html`${describe(data['from'])} → ${describe(data['to'])}`;
  if ('word' in data) return html`“${String(data['word'])}” (${String(data['action'] ?? '')})`;
  if ('categories' in data) return html`categories: ${describe(data['categories'])}`;
  if ('days' in data) return html`${String(data['days'])} days, until ${typeof data['until'] === 'number' ? legacyTime(data['until']) : '—'}`;
  return html``;
}

function row(entry: LogEntry, labels: Readonly<Record<string, string>>): Html {
  return html`<tr>
  <td>${when(entry.createdAt)}</td>
  <td>${entry.actor ? userLink(entry.actor) : html`<span class="muted">System</span>`}</td>
  <td>${labels[entry.action] ?? entry.action}</td>
  <td>${target(entry)}</td>
  <td>${entry.reason ? html`“${entry.reason}”` : ''} ${details(entry)}</td>
</tr>`;
}

function filterForm(filters: LogFilterValues, labels: Readonly<Record<string, string>>): Html {
  const actions = Object.entries(labels);
  return html`<form method="get" action="/mod/log" class="filter-form" aria-label="Filter the log">
  <label>Done by <input name="actor" value="${filters.actor}" placeholder="username" size="14"></label>
  <label>Action <select name="action"><option value="">Any action</option>${actions.map(([key, label]) =>
    key === filters.action ? html`<option value="${key}" selected>${label}</option>` : html`<option value="${key}">${label}</option>`,
  )}</select></label>
  <label>Concerning member <input name="target" value="${filters.target}" placeholder="username" size="14"></label>
  <button type="submit" class="button-secondary">Show</button>
</form>`;
}

export function modLogPage(props: ModLogProps): Html {
  const more = props.filterQuery ? `${props.filterQuery}&` : '';
  return html`<h1>Audit log</h1>
${modNav('log', props.isAdmin)}
<p class="lead">Every action the community team took, newest first. Entries are never changed or deleted.</p>
${filterForm(props.filters, props.actionLabels)}
${props.entries.length === 0
  ? html`<p class="empty">${props.isFirstPage ? 'No actions match these filters.' : 'No older entries.'}</p>`
  : html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Concerning</th><th scope="col">Reason and details</th></tr></thead>
  <tbody>${props.entries.map((entry) => row(entry, props.actionLabels))}</tbody>
</table></div>`}
<nav class="pagination" aria-label="More entries">
  ${props.isFirstPage ? '' : html`<a href="/mod/log${props.filterQuery ? `?${props.filterQuery}` : ''}">← Newest</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/log?${more}before=${props.nextCursor}">Older →</a>` : ''}
</nav>`;
}

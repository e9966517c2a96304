import type { MemberSummary } from '../../src/moderation/members.js';
import { modNav, roleName } from '../components/mod-nav.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type ModUsersProps = { members: MemberSummary[]; nextCursor: string | null; isFirstPage: boolean; isAdmin: boolean; query: string };

/** Silenced or suspended now, with the end date; nothing when in good standing. */
export function standing(member: MemberSummary): Html {
  const parts: Html[] = [];
  if (member.suspendedUntil !== null) parts.push(html`<span class="tag tag-suspended">Suspended until ${legacyTime(member.suspendedUntil)}</span>`);
  if (member.silencedUntil !== null) parts.push(html`<span class="tag tag-silenced">Silenced until ${legacyTime(member.silencedUntil)}</span>`);
  return parts.length > 0 ? html`${parts}` : html`<span class="muted">In good standing</span>`;
}

function row(member: MemberSummary): Html {
  return html`<tr>
  <td><a href="/mod/users/${encodeURIComponent(member.username)}">${member.username}</a></td>
  <td>${roleName(member.role)}</td>
  <td>${legacyTime(member.createdAt)}</td>
  <td class="number">${member.postCount}</td>
  <td class="number">${member.flagsReceived}</td>
  <td class="number">${member.sanctionCount}</td>
  <td>${standing(member)}</td>
</tr>`;
}

export function modUsersPage(props: ModUsersProps): Html {
  const search = props.query ? `q=${encodeURIComponent(props.query)}&` : '';
  return html`<h1>Members</h1>
${modNav('users', props.isAdmin)}
<form method="get" action="/mod/users" class="filter-form" role="search" aria-label="Find a member">
  <label>Username starts with <input type="search" name="q" value="${props.query}" autocomplete="off"></label>
  <button type="submit" class="button-secondary">Find</button>
</form>
${props.members.length === 0
  ? html`<p class="empty">${props.query ? `No member’s username starts with “${props.query}”.` : 'No more members.'}</p>`
  : html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Joined</th><th scope="col">Posts</th><th scope="col">Flags received</th><th scope="col">Sanctions</th><th scope="col">Standing</th></tr></thead>
  <tbody>${props.members.map(row)}</tbody>
</table></div>`}
<nav class="pagination" aria-label="More members">
  ${props.isFirstPage ? '' : html`<a href="/mod/users${props.query ? `?q=${encodeURIComponent(props.query)}` : ''}">← First page</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/users?${search}after=${encodeURIComponent(props.nextCursor)}">Next members →</a>` : ''}
</nav>`;
}

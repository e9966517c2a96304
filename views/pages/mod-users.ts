import type { I18n } from '../../src/i18n/translator.js';
import type { MemberSummary } from '../../src/moderation/members.js';
import { isUntilLifted } from '../../src/moderation/sanction-end.js';
import { modNav, roleName } from '../components/mod-nav.js';
import { quoted } from '../components/quoted.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type ModUsersProps = { i18n: I18n; members: MemberSummary[]; nextCursor: string | null; isFirstPage: boolean; isAdmin: boolean; query: string };

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;

/** Silenced or suspended now, with the end date; nothing when in good standing. */
export function standing(i18n: I18n, member: MemberSummary): Html {
  const parts: Html[] = [];
  if (member.suspendedUntil !== null) {
    const said = isUntilLifted(member.suspendedUntil) ? i18n.t('members.suspendedUntilLifted') : rich(i18n, 'members.suspendedUntil', { date: time(i18n, member.suspendedUntil) });
    parts.push(html`<span class="tag tag-suspended">${said}</span>`);
  }
  if (member.silencedUntil !== null) parts.push(html`<span class="tag tag-silenced">${rich(i18n, 'members.silencedUntil', { date: time(i18n, member.silencedUntil) })}</span>`);
  return parts.length > 0 ? html`${parts}` : html`<span class="muted">${i18n.t('members.goodStanding')}</span>`;
}

function row(i18n: I18n, member: MemberSummary): Html {
  return html`<tr>
  <td><a dir="auto" href="/mod/users/${encodeURIComponent(member.username)}">${member.username}</a></td>
  <td>${roleName(i18n, member.role)}</td>
  <td>${time(i18n, member.createdAt)}</td>
  <td class="number">${i18n.number(member.postCount)}</td>
  <td class="number">${i18n.number(member.flagsReceived)}</td>
  <td class="number">${i18n.number(member.sanctionCount)}</td>
  <td>${standing(i18n, member)}</td>
</tr>`;
}

function table(props: ModUsersProps): Html {
  const { i18n } = props;
  const headings = [i18n.t('members.member'), i18n.t('members.roleHeading'), i18n.t('members.joined'), i18n.t('members.posts'), i18n.t('members.flagsReceived'), i18n.t('members.sanctions'), i18n.t('members.standing')];
  return html`<div class="table-wrap"><table class="mod-table">
  <thead><tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr></thead>
  <tbody>${props.members.map((member) => row(i18n, member))}</tbody>
</table></div>`;
}

export function modUsersPage(props: ModUsersProps): Html {
  const { i18n } = props;
  const search = props.query ? `q=${encodeURIComponent(props.query)}&` : '';
  return html`<h1>${i18n.t('modNav.members')}</h1>
${modNav(i18n, 'users', props.isAdmin)}
<form method="get" action="/mod/users" class="filter-form" role="search" aria-label="${i18n.t('members.findLabel')}">
  <label>${i18n.t('members.usernameStartsWith')} <input type="search" name="q" value="${props.query}" autocomplete="off" dir="auto"></label>
  <button type="submit" class="button-secondary">${i18n.t('members.find')}</button>
</form>
${props.members.length === 0
  ? html`<p class="empty">${props.query ? rich(i18n, 'members.noMatch', { query: quoted(props.query) }) : i18n.t('members.noMore')}</p>`
  : table(props)}
<nav class="pagination" aria-label="${i18n.t('members.moreMembers')}">
  ${props.isFirstPage ? '' : html`<a href="/mod/users${props.query ? `?q=${encodeURIComponent(props.query)}` : ''}">${arrow('←')} ${i18n.t('members.firstPage')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/users?${search}after=${encodeURIComponent(props.nextCursor)}">${i18n.t('members.nextMembers')} ${arrow('→')}</a>` : ''}
</nav>`;
}

import { legacyI18n } from '../legacy-i18n.js';
import type { MemberHistoryEntry, MemberSummary } from '../../src/moderation/members.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { modNav, roleName } from '../components/mod-nav.js';
import { badge } from '../components/post.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';
import { standing } from './mod-users.js';
import { quotedSentenceEnd } from '../../src/lib/quote.js';

export type SanctionDraft = { kind: 'silence' | 'suspend'; days: string; reason: string; errors: FieldErrors };

export type ModUserProps = {
  member: MemberSummary;
  /** Null when this viewer does not get the history (a scoped manager). */
  history: MemberHistoryEntry[] | null;
  scope: number[];
  categories: { id: number; name: string }[];
  /** Why this viewer may not sanction this member; null when they may. */
  sanctionRefusal: string | null;
  may: { sanction: boolean; changeRole: boolean };
  isAdmin: boolean;
  actionLabels: Readonly<Record<string, string>>;
  draft?: SanctionDraft;
  errors?: FieldErrors;
};

const sanctionCopy = {
  silence: { title: 'Silence', effect: 'They can still read and sign in, but cannot post or flag.', button: 'Silence' },
  suspend: { title: 'Suspend', effect: 'They are signed out everywhere at once and cannot sign in until it ends.', button: 'Suspend' },
} as const;

function sanctionForm(props: ModUserProps, kind: 'silence' | 'suspend'): Html {
  const path = `/mod/users/${encodeURIComponent(props.member.username)}`;
  const draft = props.draft?.kind === kind ? props.draft : undefined;
  const copy = sanctionCopy[kind];
  const daysError = draft?.errors['days'];
  const reasonError = draft?.errors['reason'];
  return html`<form method="post" action="${path}/${kind}" class="sanction-form" aria-labelledby="${kind}-heading">
  <h3 id="${kind}-heading">${copy.title}</h3>
  <p class="hint">${copy.effect} It ends by itself after the number of days you choose, and ${props.member.username} is told why.</p>
  ${draft ? errorSummary(legacyI18n, draft.errors) : ''}
  <div class="field${daysError ? ' has-error' : ''}">
    <label for="${kind}-days">Days (1–365)</label>
    <input id="${kind}-days" name="days" type="number" min="1" max="365" required value="${draft?.days ?? '7'}"${daysError ? html` aria-invalid="true" aria-describedby="${kind}-days-error"` : ''}>
    ${daysError ? html`<p class="field-error" id="${kind}-days-error">${daysError}</p>` : ''}
  </div>
  <div class="field${reasonError ? ' has-error' : ''}">
    <label for="${kind}-reason">Reason (the member sees it)</label>
    <input id="${kind}-reason" name="reason" required maxlength="300" value="${draft?.reason ?? ''}"${reasonError ? html` aria-invalid="true" aria-describedby="${kind}-reason-error"` : ''}>
    ${reasonError ? html`<p class="field-error" id="${kind}-reason-error">${reasonError}</p>` : ''}
  </div>
  <button type="submit" class="button-secondary danger">${copy.button} ${props.member.username}</button>
</form>`;
}

function liftForm(props: ModUserProps, kind: 'unsilence' | 'unsuspend', label: string): Html {
  return html`<form method="post" action="/mod/users/${encodeURIComponent(props.member.username)}/${kind}" class="lift-form">
  <label for="${kind}-note">Note for the audit log (optional)</label> <input id="${kind}-note" name="reason" maxlength="300">
  <button type="submit" class="button-secondary">${label}</button>
</form>`;
}

function sanctions(props: ModUserProps): Html {
  const { member } = props;
  if (!props.may.sanction) {
    return html`<section id="sanctions"><h2>Sanctions</h2><p>${standing(member)}</p><p class="muted">${props.sanctionRefusal ?? ''}</p></section>`;
  }
  return html`<section id="sanctions" aria-labelledby="sanctions-heading">
  <h2 id="sanctions-heading">Sanctions</h2>
  <p>${standing(member)}</p>
  ${member.silencedUntil !== null ? html`<div class="sanction-active"><p>Silenced${member.silenceReason ? `: ${quotedSentenceEnd(member.silenceReason)}` : '.'}</p>${liftForm(props, 'unsilence', 'Lift the silence now')}</div>` : ''}
  ${member.suspendedUntil !== null ? html`<div class="sanction-active"><p>Suspended${member.suspendReason ? `: ${quotedSentenceEnd(member.suspendReason)}` : '.'}</p>${liftForm(props, 'unsuspend', 'Lift the suspension now')}</div>` : ''}
  <div class="sanction-forms">${sanctionForm(props, 'silence')}${sanctionForm(props, 'suspend')}</div>
</section>`;
}

function roleForms(props: ModUserProps): Html {
  if (!props.may.changeRole) return html``;
  const path = `/mod/users/${encodeURIComponent(props.member.username)}`;
  const roleError = props.errors?.['role'];
  const scopeError = props.errors?.['categories'];
  return html`<section aria-labelledby="role-heading">
  <h2 id="role-heading">Role</h2>
  <form method="post" action="${path}/role" class="inline-form">
    <label for="role">Role</label>
    <select id="role" name="role">${(['member', 'manager', 'admin'] as const).map((role) =>
      role === props.member.role ? html`<option value="${role}" selected>${roleName(role)}</option>` : html`<option value="${role}">${roleName(role)}</option>`,
    )}</select>
    <button type="submit" class="button-secondary">Change role</button>
    ${roleError ? html`<p class="field-error" role="alert">${roleError}</p>` : ''}
  </form>
  <p class="hint">Changing the role signs ${props.member.username} out everywhere, so the new rights apply from their next sign-in.</p>
  ${props.member.role === 'manager'
    ? html`<form method="post" action="${path}/scope" class="scope-form">
    <fieldset${scopeError ? html` class="has-error"` : ''}>
      <legend>Categories ${props.member.username} moderates</legend>
      <p class="hint">Tick none to let them moderate every category.</p>
      ${props.categories.map((category) => html`<label><input type="checkbox" name="categories" value="${category.id}"${props.scope.includes(category.id) ? html` checked` : ''}> ${category.name}</label>`)}
      ${scopeError ? html`<p class="field-error" role="alert">${scopeError}</p>` : ''}
    </fieldset>
    <button type="submit" class="button-secondary">Save categories</button>
  </form>`
    : ''}
</section>`;
}

function history(props: ModUserProps): Html {
  const logLink = html`<p><a href="/mod/log?target=${encodeURIComponent(props.member.username)}">Everything the team did concerning ${props.member.username} →</a></p>`;
  if (props.history === null) {
    return html`<h2>History</h2><p class="muted">The history of sanctions and role changes is for admins and managers of every category; the log shows you what was done in your categories.</p>${logLink}`;
  }
  if (props.history.length === 0) return html`<h2>History</h2><p class="empty">No sanctions or role changes so far.</p>`;
  return html`<h2>History</h2>
<ol class="member-history">${props.history.map(
    (entry) => html`<li>${legacyTime(entry.createdAt)} · ${entry.actor ?? 'System'} ${props.actionLabels[entry.action] ?? entry.action}${entry.reason ? html`: “${entry.reason}”` : ''}${
      typeof entry.details['from'] === 'string' ? html` (${roleName(String(entry.details['from']))} → ${roleName(String(entry.details['to']))})` : ''
    }</li>`,
  )}</ol>
${logLink}`;
}

export function modUserPage(props: ModUserProps): Html {
  const { member } = props;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/mod">Community team</a> › <a href="/mod/users">Members</a></nav>
<h1>${member.username} ${badge(member.role, legacyI18n)}</h1>
${modNav('users', props.isAdmin)}
<p class="muted">Joined ${legacyTime(member.createdAt)} · ${member.postCount} approved ${member.postCount === 1 ? 'post' : 'posts'} · ${member.flagsReceived} ${member.flagsReceived === 1 ? 'flag' : 'flags'} received · ${member.sanctionCount} earlier ${member.sanctionCount === 1 ? 'sanction' : 'sanctions'} · <a href="/u/${encodeURIComponent(member.username)}">Public profile</a></p>
${sanctions(props)}
${roleForms(props)}
${history(props)}`;
}

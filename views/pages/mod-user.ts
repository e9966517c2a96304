import type { MessageKey } from '../../src/i18n/catalog.js';
import { eraseAccountSection, type EraseAccountPanel } from '../components/erase-account-form.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { ErrorText } from '../../src/lib/errors.js';
import type { MemberHistoryEntry, MemberSummary } from '../../src/moderation/members.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { modNav, roleName } from '../components/mod-nav.js';
import { badge } from '../components/post.js';
import { quoted, quotedAtEnd } from '../components/quoted.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { standing } from './mod-users.js';
import type { SpamCleanupPanel } from '../../src/moderation/spam-cleanup-panel.js';
import { spamCleanupSection, type SpamCleanupDraft } from '../components/spam-cleanup.js';

/** `duration`: `days` or, for a suspension, `lifted` (until an admin or manager lifts it). */
export type SanctionDraft = { kind: 'silence' | 'suspend'; days: string; duration?: string; reason: string; errors: FieldErrors };

export type ModUserProps = {
  i18n: I18n;
  member: MemberSummary;
  /** Null when this viewer does not get the history (a scoped manager). */
  history: MemberHistoryEntry[] | null;
  scope: number[];
  categories: { id: number; name: string }[];
  /** Why this viewer may not sanction this member; null when they may. */
  sanctionRefusal: ErrorText | null;
  may: { sanction: boolean; changeRole: boolean };
  isAdmin: boolean;
  actionLabels: Readonly<Record<string, MessageKey>>;
  draft?: SanctionDraft;
  errors?: FieldErrors;
  /** "Delete spammer": what it would do, and the clean-up in force. */
  spamCleanup: SpamCleanupPanel;
  spamCleanupErrors?: FieldErrors;
  spamCleanupDraft?: SpamCleanupDraft;
  /** Admins only, for members they may erase: "Erase this account". */
  erase?: EraseAccountPanel;
};

const sanctionCopy = {
  silence: { title: 'sanction.silenceTitle', hint: 'sanction.silenceHint', button: 'sanction.silenceButton' },
  suspend: { title: 'sanction.suspendTitle', hint: 'sanction.suspendHint', button: 'sanction.suspendButton' },
} as const satisfies Record<string, Record<string, MessageKey>>;

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;
const isolated = (text: string) => html`<bdi>${text}</bdi>`;

/** A suspension lasts a number of days or until lifted; the days field below applies to the first. */
function durationChoice(props: ModUserProps, draft: SanctionDraft | undefined): Html {
  const { i18n } = props;
  const lifted = draft?.duration === 'lifted';
  return html`<fieldset class="field duration-choice">
    <legend>${i18n.t('sanction.durationLegend')}</legend>
    <label><input type="radio" name="duration" value="days"${lifted ? '' : html` checked`}> ${i18n.t('sanction.durationDays')}</label>
    <label><input type="radio" name="duration" value="lifted"${lifted ? html` checked` : ''}> ${i18n.t('sanction.durationLifted')}</label>
  </fieldset>`;
}

function sanctionForm(props: ModUserProps, kind: 'silence' | 'suspend'): Html {
  const { i18n } = props;
  const path = `/mod/users/${encodeURIComponent(props.member.username)}`;
  const draft = props.draft?.kind === kind ? props.draft : undefined;
  const copy = sanctionCopy[kind];
  const username = isolated(props.member.username);
  const daysError = draft?.errors['days'];
  const reasonError = draft?.errors['reason'];
  return html`<form method="post" action="${path}/${kind}" class="sanction-form" aria-labelledby="${kind}-heading">
  <h3 id="${kind}-heading">${i18n.t(copy.title)}</h3>
  <p class="hint">${rich(i18n, copy.hint, { username })}</p>
  ${draft ? errorSummary(i18n, draft.errors) : ''}
  ${kind === 'suspend' ? durationChoice(props, draft) : ''}
  <div class="field${daysError ? ' has-error' : ''}">
    <label for="${kind}-days">${i18n.t('sanction.days')}</label>
    <input id="${kind}-days" name="days" type="number" min="1" max="365" required value="${draft?.days ?? '7'}"${daysError ? html` aria-invalid="true" aria-describedby="${kind}-days-error"` : ''}>
    ${daysError ? html`<p class="field-error" id="${kind}-days-error">${daysError}</p>` : ''}
  </div>
  <div class="field${reasonError ? ' has-error' : ''}">
    <label for="${kind}-reason">${i18n.t('sanction.reason')}</label>
    <input id="${kind}-reason" name="reason" required maxlength="300" dir="auto" value="${draft?.reason ?? ''}"${reasonError ? html` aria-invalid="true" aria-describedby="${kind}-reason-error"` : ''}>
    ${reasonError ? html`<p class="field-error" id="${kind}-reason-error">${reasonError}</p>` : ''}
  </div>
  <button type="submit" class="button-secondary danger">${rich(i18n, copy.button, { username })}</button>
</form>`;
}

function liftForm(props: ModUserProps, kind: 'unsilence' | 'unsuspend'): Html {
  const { i18n } = props;
  return html`<form method="post" action="/mod/users/${encodeURIComponent(props.member.username)}/${kind}" class="lift-form">
  <label for="${kind}-note">${i18n.t('sanction.liftNote')}</label> <input id="${kind}-note" name="reason" maxlength="300" dir="auto">
  <button type="submit" class="button-secondary">${i18n.t(kind === 'unsilence' ? 'sanction.liftSilence' : 'sanction.liftSuspension')}</button>
</form>`;
}

/** "Silenced: “reason”." with the lift form, for a sanction in force. */
function activeSanction(props: ModUserProps, kind: 'silence' | 'suspend', reason: string | null): Html {
  const { i18n } = props;
  const said = reason
    ? rich(i18n, 'sanction.activeBecause', { kind, ...quotedAtEnd(reason) })
    : i18n.t('sanction.active', { kind });
  return html`<div class="sanction-active"><p>${said}</p>${liftForm(props, kind === 'silence' ? 'unsilence' : 'unsuspend')}</div>`;
}

function sanctions(props: ModUserProps): Html {
  const { member, i18n } = props;
  if (!props.may.sanction) {
    return html`<section id="sanctions"><h2>${i18n.t('sanction.heading')}</h2><p>${standing(i18n, member)}</p><p class="muted">${props.sanctionRefusal ? i18n.message(props.sanctionRefusal) : ''}</p></section>`;
  }
  return html`<section id="sanctions" aria-labelledby="sanctions-heading">
  <h2 id="sanctions-heading">${i18n.t('sanction.heading')}</h2>
  <p>${standing(i18n, member)}</p>
  ${member.silencedUntil !== null ? activeSanction(props, 'silence', member.silenceReason) : ''}
  ${member.suspendedUntil !== null ? activeSanction(props, 'suspend', member.suspendReason) : ''}
  <div class="sanction-forms">${sanctionForm(props, 'silence')}${sanctionForm(props, 'suspend')}</div>
</section>`;
}

function scopeForm(props: ModUserProps, path: string): Html {
  const { i18n } = props;
  const scopeError = props.errors?.['categories'];
  return html`<form method="post" action="${path}/scope" class="scope-form">
    <fieldset${scopeError ? html` class="has-error"` : ''}>
      <legend>${rich(i18n, 'members.scopeLegend', { username: isolated(props.member.username) })}</legend>
      <p class="hint">${i18n.t('members.scopeHint')}</p>
      ${props.categories.map((category) => html`<label><input type="checkbox" name="categories" value="${category.id}"${props.scope.includes(category.id) ? html` checked` : ''}> <bdi>${category.name}</bdi></label>`)}
      ${scopeError ? html`<p class="field-error" role="alert">${scopeError}</p>` : ''}
    </fieldset>
    <button type="submit" class="button-secondary">${i18n.t('members.saveScope')}</button>
  </form>`;
}

function roleForms(props: ModUserProps): Html {
  if (!props.may.changeRole) return html``;
  const { i18n } = props;
  const path = `/mod/users/${encodeURIComponent(props.member.username)}`;
  const roleError = props.errors?.['role'];
  return html`<section aria-labelledby="role-heading">
  <h2 id="role-heading">${i18n.t('members.roleHeading')}</h2>
  <form method="post" action="${path}/role" class="inline-form">
    <label for="role">${i18n.t('members.roleHeading')}</label>
    <select id="role" name="role">${(['member', 'manager', 'admin'] as const).map((role) =>
      role === props.member.role ? html`<option value="${role}" selected>${roleName(i18n, role)}</option>` : html`<option value="${role}">${roleName(i18n, role)}</option>`,
    )}</select>
    <button type="submit" class="button-secondary">${i18n.t('members.changeRole')}</button>
    ${roleError ? html`<p class="field-error" role="alert">${roleError}</p>` : ''}
  </form>
  <p class="hint">${rich(i18n, 'members.roleHint', { username: isolated(props.member.username) })}</p>
  ${props.member.role === 'manager' ? scopeForm(props, path) : ''}
</section>`;
}

function historyEntry(props: ModUserProps, entry: MemberHistoryEntry, system: string): Html {
  const { i18n } = props;
  const label = props.actionLabels[entry.action];
  const values = { actor: entry.actor ? isolated(entry.actor) : system, action: label ? i18n.t(label) : entry.action };
  const said = entry.reason ? rich(i18n, 'members.historyWithReason', { ...values, reason: quoted(entry.reason) }) : rich(i18n, 'members.history', values);
  const roles = typeof entry.details['from'] === 'string' ? html` (${roleName(i18n, String(entry.details['from']))} ${arrow('→')} ${roleName(i18n, String(entry.details['to']))})` : '';
  return html`<li>${time(i18n, entry.createdAt)} · ${said}${roles}</li>`;
}

function history(props: ModUserProps): Html {
  const { i18n } = props;
  const heading = html`<h2>${i18n.t('members.historyHeading')}</h2>`;
  const logLink = html`<p><a href="/mod/log?target=${encodeURIComponent(props.member.username)}">${rich(i18n, 'members.logLink', { username: isolated(props.member.username) })} ${arrow('→')}</a></p>`;
  if (props.history === null) return html`${heading}<p class="muted">${i18n.t('members.historyScoped')}</p>${logLink}`;
  if (props.history.length === 0) return html`${heading}<p class="empty">${i18n.t('members.historyEmpty')}</p>`;
  const system = i18n.t('modLog.system');
  return html`${heading}
<ol class="member-history">${props.history.map((entry) => historyEntry(props, entry, system))}</ol>
${logLink}`;
}

export function modUserPage(props: ModUserProps): Html {
  const { member, i18n } = props;
  const counts = { date: time(i18n, member.createdAt), posts: member.postCount, flags: member.flagsReceived, sanctions: member.sanctionCount };
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('members.breadcrumb')}"><a href="/mod">${i18n.t('mod.home.heading')}</a> ${arrow('›')} <a href="/mod/users">${i18n.t('modNav.members')}</a></nav>
<h1><bdi>${member.username}</bdi> ${badge(member.role, i18n)}</h1>
${modNav(i18n, 'users', props.isAdmin)}
<p class="muted">${rich(i18n, 'members.summary', counts)} · <a href="/u/${encodeURIComponent(member.username)}">${i18n.t('members.publicProfile')}</a></p>
${sanctions(props)}
${spamCleanupSection({ i18n, username: member.username, panel: props.spamCleanup, errors: props.spamCleanupErrors ?? {}, draft: props.spamCleanupDraft ?? { reason: '', blockDomain: false } })}
${roleForms(props)}
${props.erase ? eraseAccountSection(i18n, member.username, props.erase) : ''}
${history(props)}`;
}

import type { SessionView } from '../../src/auth/account.js';
import { PASSWORD_MIN } from '../../src/auth/accounts.js';
import { deviceOf } from '../../src/auth/devices.js';
import type { EmailStatus } from '../../src/auth/email-verification.js';
import type { EmailPreference } from '../../src/db/schema.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field } from '../components/form.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { localeSection, type LocaleChoice } from './account-locale.js';
import { avatarSection } from '../components/avatar-form.js';
import { emailChangeSection } from './account-email-change.js';
import { profileSection, type ProfileSectionProps } from './account-profile.js';
import type { UsernameChangeState } from '../../src/auth/username-change.js';
import { dataAndDeletionSections, signInHistorySection, type AccountPrivacyProps } from './account-privacy.js';

export type AccountProps = {
  i18n: I18n;
  username: string;
  sessions: SessionView[];
  email: EmailStatus;
  locale: LocaleChoice;
  errors: Record<string, string | undefined>;
  notice?: string;
  /** Whether the member may choose a new username now, and if not, when. */
  usernameChange: UsernameChangeState;
  /** What the member typed in the username form, kept when it was refused. */
  usernameValue?: string;
  /** The member's uploaded picture, or null (src/uploads/avatars.ts). */
  avatarUrl?: string | null;
  profile: ProfileSectionProps;
  /** The new address the member typed in the change-email form, kept when it was refused. */
  newEmail?: string;
  /** Recent sign-ins, the data export and the danger zone. */
  privacy?: AccountPrivacyProps;
};

function usernameSection(i18n: I18n, props: AccountProps): Html {
  const { usernameChange } = props;
  const intro = usernameChange.fromProvider
    ? i18n.t('account.usernameIntro', { username: props.username })
    : i18n.t('account.usernameRule', { username: props.username });
  return html`<section aria-labelledby="username-heading">
  <h2 id="username-heading">${i18n.t('account.usernameHeading')}</h2>
  <p>${intro}</p>
  ${usernameChange.allowed
    ? html`<form method="post" action="/account/username" class="post-form">
    ${field({ name: 'username', label: i18n.t('signup.username'), value: props.usernameValue ?? props.username, error: props.errors['username'], autocomplete: 'username', required: true, maxlength: 20 })}
    <button type="submit">${i18n.t('account.usernameSubmit')}</button>
  </form>`
    : html`<p class="hint">${rich(i18n, 'account.usernameNextChange', { date: time(i18n, usernameChange.nextAt ?? 0) })}</p>`}
</section>`;
}

const PREFERENCES: [EmailPreference, MessageKey][] = [
  ['immediately', 'account.preferenceImmediately'],
  ['daily', 'account.preferenceDaily'],
  ['weekly', 'account.preferenceWeekly'],
  ['never', 'account.preferenceNever'],
];

function emailSection(i18n: I18n, email: EmailStatus, errors: AccountProps['errors']): Html {
  return html`<section aria-labelledby="email-heading">
  <h2 id="email-heading">${i18n.t('account.emailHeading')}</h2>
  <p>${email.email} <span class="tag">${i18n.t(email.verified ? 'account.confirmed' : 'account.notConfirmed')}</span></p>
  ${email.verified
    ? ''
    : html`<p class="hint">${i18n.t('account.confirmHint')}</p>
  <form method="post" action="/account/email/verify"><button type="submit" class="button-secondary">${i18n.t('account.resendConfirmation')}</button></form>`}
  <form method="post" action="/account/email" class="post-form">
    <fieldset${errors['preference'] ? html` aria-describedby="preference-error"` : ''}>
      <legend>${i18n.t('account.preferenceLegend')}</legend>
      ${errors['preference'] ? html`<p class="field-error" id="preference-error">${errors['preference']}</p>` : ''}
      ${PREFERENCES.map(
        ([value, label]) => html`<label><input type="radio" name="preference" value="${value}"${email.preference === value ? html` checked` : ''}> ${i18n.t(label)}</label><br>`,
      )}
    </fieldset>
    <button type="submit">${i18n.t('account.saveEmail')}</button>
  </form>
</section>`;
}

/** A short name for a browser ("Chrome on Android"); the full user-agent string is in the tooltip. */
function device(i18n: I18n, userAgent: string | null): string {
  const found = deviceOf(userAgent);
  if (!found) return i18n.t('account.unknownBrowser');
  const browser = found.browser ?? i18n.t('account.someBrowser');
  return found.system ? i18n.t('account.browserOnSystem', { browser, system: found.system }) : browser;
}

function sessionRow(i18n: I18n, session: SessionView): Html {
  return html`<li class="session-row">
  <div><strong title="${session.userAgent ?? ''}">${device(i18n, session.userAgent)}</strong>${session.current ? html` <span class="tag">${i18n.t('account.thisBrowser')}</span>` : ''}
  <p class="muted">${rich(i18n, 'account.sessionTimes', { signedIn: time(i18n, session.createdAt), lastActive: time(i18n, session.lastUsedAt), ends: time(i18n, session.expiresAt) })}</p></div>
  ${session.current
    ? ''
    : html`<form method="post" action="/account/sessions/${session.id}/end" class="inline-form"><button type="submit" class="button-secondary">${i18n.t('account.signOut')}</button></form>`}
</li>`;
}

function passwordSection(i18n: I18n, username: string, errors: AccountProps['errors']): Html {
  const own = { form: errors['form'], current: errors['current'], next: errors['next'], confirm: errors['confirm'] };
  return html`<section aria-labelledby="password-heading">
  <h2 id="password-heading">${i18n.t('account.passwordHeading')}</h2>
  <form method="post" action="/account/password" class="post-form">
    ${errorSummary(i18n, own)}
    <input type="text" name="username" value="${username}" autocomplete="username" hidden>
    ${field({ name: 'current', label: i18n.t('account.currentPassword'), type: 'password', autocomplete: 'current-password', error: own.current, required: true })}
    ${field({ name: 'next', label: i18n.t('password.newLabel'), type: 'password', autocomplete: 'new-password', hint: i18n.t('account.newPasswordHint', { min: PASSWORD_MIN }), error: own.next, required: true, minlength: PASSWORD_MIN })}
    ${field({ name: 'confirm', label: i18n.t('password.confirmLabel'), type: 'password', autocomplete: 'new-password', error: own.confirm, required: true })}
    <button type="submit">${i18n.t('account.changePassword')}</button>
  </form>
  <p class="hint">${i18n.t('account.passwordHint')}</p>
</section>`;
}

export function accountPage(props: AccountProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('account.heading')}</h1>
${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
${profileSection(i18n, props.profile)}
${usernameSection(i18n, props)}
${avatarSection(i18n, props.avatarUrl ?? null, props.errors['avatar'])}
${emailSection(i18n, props.email, props.errors)}
${emailChangeSection(i18n, { current: props.email.email, newEmail: props.newEmail ?? '', errors: props.errors })}
${localeSection(i18n, props.locale, props.errors)}
<section aria-labelledby="sessions-heading">
  <h2 id="sessions-heading">${i18n.t('account.sessionsHeading')}</h2>
  <ul class="session-list">${props.sessions.map((session) => sessionRow(i18n, session))}</ul>
  ${props.sessions.length > 1
    ? html`<form method="post" action="/account/sessions/end-others"><button type="submit" class="button-secondary">${i18n.t('account.signOutOthers')}</button></form>`
    : ''}
</section>
${props.privacy ? signInHistorySection(i18n, props.privacy.signIns) : ''}
${passwordSection(i18n, props.username, props.errors)}
${props.privacy ? dataAndDeletionSections(i18n, props.privacy.deletion) : ''}`;
}

import { legacyI18n } from '../legacy-i18n.js';
import type { SessionView } from '../../src/auth/account.js';
import type { EmailStatus } from '../../src/auth/email-verification.js';
import type { EmailPreference } from '../../src/db/schema.js';
import { errorSummary, field } from '../components/form.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type AccountProps = { username: string; sessions: SessionView[]; email: EmailStatus; errors: Record<string, string | undefined>; notice?: string };

const PREFERENCES: [EmailPreference, string][] = [
  ['immediately', 'Immediately: one email for each notification'],
  ['daily', 'Daily summary'],
  ['weekly', 'Weekly summary'],
  ['never', 'Never'],
];

function emailSection(email: EmailStatus, errors: AccountProps['errors']): Html {
  return html`<section aria-labelledby="email-heading">
  <h2 id="email-heading">Email</h2>
  <p>${email.email} ${email.verified ? html`<span class="tag">Confirmed</span>` : html`<span class="tag">Not confirmed yet</span>`}</p>
  ${email.verified
    ? ''
    : html`<p class="hint">We only send notifications and summaries to confirmed addresses. Follow the link we emailed you, or get a new one.</p>
  <form method="post" action="/account/email/verify"><button type="submit" class="button-secondary">Send a new confirmation link</button></form>`}
  <form method="post" action="/account/email" class="post-form">
    <fieldset${errors['preference'] ? html` aria-describedby="preference-error"` : ''}>
      <legend>Email me about notifications</legend>
      ${errors['preference'] ? html`<p class="field-error" id="preference-error">${errors['preference']}</p>` : ''}
      ${PREFERENCES.map(
        ([value, label]) => html`<label><input type="radio" name="preference" value="${value}"${email.preference === value ? html` checked` : ''}> ${label}</label><br>`,
      )}
    </fieldset>
    <button type="submit">Save email settings</button>
  </form>
</section>`;
}

/** A short name for a browser from its user-agent string; the full string is in the tooltip. */
function device(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : 'Browser';
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : '';
  return system ? `${browser} on ${system}` : browser;
}

function sessionRow(session: SessionView): Html {
  return html`<li class="session-row">
  <div><strong title="${session.userAgent ?? ''}">${device(session.userAgent)}</strong>${session.current ? html` <span class="tag">This browser</span>` : ''}
  <p class="muted">Signed in ${legacyTime(session.createdAt)} · last active ${legacyTime(session.lastUsedAt)} · ends by ${legacyTime(session.expiresAt)}</p></div>
  ${session.current
    ? ''
    : html`<form method="post" action="/account/sessions/${session.id}/end" class="inline-form"><button type="submit" class="button-secondary">Sign out</button></form>`}
</li>`;
}

export function accountPage(props: AccountProps): Html {
  return html`<h1>Your account</h1>
${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
${emailSection(props.email, props.errors)}
<section aria-labelledby="sessions-heading">
  <h2 id="sessions-heading">Where you are signed in</h2>
  <ul class="session-list">${props.sessions.map(sessionRow)}</ul>
  ${props.sessions.length > 1
    ? html`<form method="post" action="/account/sessions/end-others"><button type="submit" class="button-secondary">Sign out everywhere else</button></form>`
    : ''}
</section>
<section aria-labelledby="password-heading">
  <h2 id="password-heading">Change your password</h2>
  <form method="post" action="/account/password" class="post-form">
    ${errorSummary(legacyI18n, props.errors)}
    <input type="text" name="username" value="${props.username}" autocomplete="username" hidden>
    ${field({ name: 'current', label: 'Current password', type: 'password', autocomplete: 'current-password', error: props.errors['current'], required: true })}
    ${field({ name: 'next', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters.', error: props.errors['next'], required: true, minlength: 10 })}
    ${field({ name: 'confirm', label: 'New password again', type: 'password', autocomplete: 'new-password', error: props.errors['confirm'], required: true })}
    <button type="submit">Change password</button>
  </form>
  <p class="hint">Changing your password signs you out on every other device.</p>
</section>`;
}

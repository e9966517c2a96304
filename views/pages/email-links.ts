import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

// Pages behind links that arrive by email. Each GET only shows a button: mail scanners follow
// links, so nothing changes until the person presses it.

export function unsubscribePage(props: { token: string; username: string }): Html {
  return html`<section class="auth-page" aria-labelledby="unsubscribe-heading">
  <h1 id="unsubscribe-heading">Stop notification email?</h1>
  <p>This stops notification and summary email to <strong>${props.username}</strong>. You will still get messages you ask for, such as password reset links.</p>
  <form method="post" action="/unsubscribe" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    <button type="submit" class="button">Unsubscribe</button>
  </form>
  <p class="hint">You can turn email back on at any time on your account page.</p>
</section>`;
}

export function unsubscribedPage(): Html {
  return html`<section class="auth-page" aria-labelledby="unsubscribed-heading">
  <h1 id="unsubscribed-heading">You are unsubscribed</h1>
  <p class="notice" role="status">We will not send you notification or summary email any more.</p>
  <p>Changed your mind? Choose how often we write on <a href="/account">your account page</a>.</p>
</section>`;
}

export function verifyEmailPage(props: { token: string }): Html {
  return html`<section class="auth-page" aria-labelledby="verify-heading">
  <h1 id="verify-heading">Confirm your email address</h1>
  <p>Press the button to confirm that this address is yours.</p>
  <form method="post" action="/verify-email" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    <button type="submit" class="button">Confirm my email address</button>
  </form>
</section>`;
}

export function emailVerifiedPage(): Html {
  return html`<section class="auth-page" aria-labelledby="verified-heading">
  <h1 id="verified-heading">Your email address is confirmed</h1>
  <p class="notice" role="status">Thank you! We can now send you notifications and help you if you forget your password.</p>
  <p><a href="/">Back to the community</a></p>
</section>`;
}

export function forgotPasswordPage(props: { values: { login?: string }; errors: FieldErrors; sent?: boolean }): Html {
  return html`<section class="auth-page" aria-labelledby="forgot-heading">
  <h1 id="forgot-heading">Forgot your password?</h1>
  ${props.sent
    ? html`<p class="notice" role="status">If an account uses that username or address, we sent a link to choose a new password to its email address. The link works for one hour. Nothing arrived? Check your spam folder, or try again in a few minutes.</p>`
    : html`<p>Enter your username or email address and we will email you a link to choose a new password.</p>`}
  ${errorSummary(legacyI18n, props.errors)}
  <form method="post" action="/password/forgot" class="auth-form">
    ${field({ name: 'login', label: 'Username or email address', value: props.values.login, error: props.errors['login'], autocomplete: 'username', required: true, maxlength: 254, autofocus: true })}
    <button type="submit" class="button">Email me a link</button>
  </form>
  <p><a href="/login">Back to log in</a></p>
</section>`;
}

export function resetPasswordPage(props: { token: string; errors: FieldErrors }): Html {
  return html`<section class="auth-page" aria-labelledby="reset-heading">
  <h1 id="reset-heading">Choose a new password</h1>
  ${errorSummary(legacyI18n, props.errors)}
  <form method="post" action="/password/reset" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    ${field({ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters. A few unrelated words work well.', error: props.errors['password'], required: true, minlength: 10, maxlength: 256, autofocus: true })}
    ${field({ name: 'confirm', label: 'New password again', type: 'password', autocomplete: 'new-password', error: props.errors['confirm'], required: true })}
    <button type="submit" class="button">Set new password</button>
  </form>
  <p class="hint">This signs you out on every device; then you sign in with the new password.</p>
</section>`;
}

export function badLinkPage(props: { heading: string; message: string; retry?: { href: string; label: string } }): Html {
  return html`<section class="auth-page" aria-labelledby="bad-link-heading">
  <h1 id="bad-link-heading">${props.heading}</h1>
  <p>${props.message}</p>
  ${props.retry ? html`<p><a href="${props.retry.href}">${props.retry.label}</a></p>` : ''}
</section>`;
}

import { PASSWORD_MAX, PASSWORD_MIN } from '../../src/auth/accounts.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

// Pages behind links that arrive by email. Each GET only shows a button: mail scanners follow
// links, so nothing changes until the person presses it.

export function unsubscribePage(props: { i18n: I18n; token: string; username: string }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="unsubscribe-heading">
  <h1 id="unsubscribe-heading">${i18n.t('emailLink.unsubscribeHeading')}</h1>
  <p>${rich(i18n, 'emailLink.unsubscribeIntro', { username: html`<strong dir="auto">${props.username}</strong>` })}</p>
  <form method="post" action="/unsubscribe" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    <button type="submit" class="button">${i18n.t('emailLink.unsubscribe')}</button>
  </form>
  <p class="hint">${i18n.t('emailLink.unsubscribeHint')}</p>
</section>`;
}

export function unsubscribedPage(props: { i18n: I18n }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="unsubscribed-heading">
  <h1 id="unsubscribed-heading">${i18n.t('emailLink.unsubscribedHeading')}</h1>
  <p class="notice" role="status">${i18n.t('emailLink.unsubscribedNotice')}</p>
  <p>${rich(i18n, 'emailLink.changedMind', { link: (text) => html`<a href="/account">${text}</a>` })}</p>
</section>`;
}

export function verifyEmailPage(props: { i18n: I18n; token: string }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="verify-heading">
  <h1 id="verify-heading">${i18n.t('emailLink.verifyHeading')}</h1>
  <p>${i18n.t('emailLink.verifyIntro')}</p>
  <form method="post" action="/verify-email" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    <button type="submit" class="button">${i18n.t('emailLink.verifySubmit')}</button>
  </form>
</section>`;
}

export function emailVerifiedPage(props: { i18n: I18n }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="verified-heading">
  <h1 id="verified-heading">${i18n.t('emailLink.verifiedHeading')}</h1>
  <p class="notice" role="status">${i18n.t('emailLink.verifiedNotice')}</p>
  <p><a href="/">${i18n.t('emailLink.backToCommunity')}</a></p>
</section>`;
}

export function forgotPasswordPage(props: { i18n: I18n; values: { login?: string }; errors: FieldErrors; sent?: boolean }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="forgot-heading">
  <h1 id="forgot-heading">${i18n.t('login.forgot')}</h1>
  ${props.sent
    ? html`<p class="notice" role="status">${i18n.t('password.sentNotice')}</p>`
    : html`<p>${i18n.t('password.forgotIntro')}</p>`}
  ${errorSummary(i18n, props.errors)}
  <form method="post" action="/password/forgot" class="auth-form">
    ${field({ name: 'login', label: i18n.t('login.loginLabel'), value: props.values.login, error: props.errors['login'], autocomplete: 'username', required: true, maxlength: 254, autofocus: true })}
    <button type="submit" class="button">${i18n.t('password.sendLink')}</button>
  </form>
  <p><a href="/login">${i18n.t('password.backToLogin')}</a></p>
</section>`;
}

export function resetPasswordPage(props: { i18n: I18n; token: string; errors: FieldErrors }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="reset-heading">
  <h1 id="reset-heading">${i18n.t('password.resetHeading')}</h1>
  ${errorSummary(i18n, props.errors)}
  <form method="post" action="/password/reset" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    ${field({ name: 'password', label: i18n.t('password.newLabel'), type: 'password', autocomplete: 'new-password', hint: i18n.t('signup.passwordHint', { min: PASSWORD_MIN }), error: props.errors['password'], required: true, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX, autofocus: true })}
    ${field({ name: 'confirm', label: i18n.t('password.confirmLabel'), type: 'password', autocomplete: 'new-password', error: props.errors['confirm'], required: true })}
    <button type="submit" class="button">${i18n.t('password.resetSubmit')}</button>
  </form>
  <p class="hint">${i18n.t('password.resetHint')}</p>
</section>`;
}

export function badLinkPage(props: { i18n: I18n; message: string; retry?: { href: string; label: string } }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="bad-link-heading">
  <h1 id="bad-link-heading">${i18n.t('emailLink.badLinkHeading')}</h1>
  <p>${props.message}</p>
  ${props.retry ? html`<p><a href="${props.retry.href}">${props.retry.label}</a></p>` : ''}
</section>`;
}

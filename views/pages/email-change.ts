import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

/** Opening the link shows this; only the button changes the address (mail scanners open links too). */
export function confirmEmailChangePage(props: { i18n: I18n; token: string; email: string }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="email-change-heading">
  <h1 id="email-change-heading">${i18n.t('emailLink.changeHeading')}</h1>
  <p>${rich(i18n, 'emailLink.changeIntro', { email: html`<strong dir="ltr">${props.email}</strong>` })}</p>
  <form method="post" action="/email-change" class="auth-form">
    <input type="hidden" name="token" value="${props.token}">
    <button type="submit" class="button">${i18n.t('emailLink.changeSubmit')}</button>
  </form>
</section>`;
}

export function emailChangedPage(props: { i18n: I18n }): Html {
  const { i18n } = props;
  return html`<section class="auth-page" aria-labelledby="email-changed-heading">
  <h1 id="email-changed-heading">${i18n.t('emailLink.changedHeading')}</h1>
  <p class="notice" role="status">${i18n.t('emailLink.changedNotice')}</p>
  <p><a href="/account">${i18n.t('emailLink.goToAccount')}</a></p>
</section>`;
}

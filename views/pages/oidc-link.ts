import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

export type OidcLinkPageProps = { i18n: I18n; brand: string; username: string; email: string; errors: FieldErrors };

/** Asks the local account's password before a provider identity is linked to it. */
export function oidcLinkPage(props: OidcLinkPageProps): Html {
  const { i18n, errors } = props;
  return html`<section class="auth-page" aria-labelledby="link-heading">
  <h1 id="link-heading">${i18n.t('oidc.linkHeading')}</h1>
  <p>${i18n.t('oidc.linkIntro', { email: props.email, username: props.username, brand: props.brand })}</p>
  ${errorSummary(i18n, errors)}
  <form method="post" action="/auth/oidc/link" class="auth-form">
    ${field({ name: 'password', label: i18n.t('signup.password'), type: 'password', error: errors['password'], autocomplete: 'current-password', required: true, autofocus: true })}
    <button type="submit" class="button">${i18n.t('oidc.linkSubmit')}</button>
  </form>
  <p><a href="/password/forgot">${i18n.t('login.forgot')}</a></p>
</section>`;
}

/** Between signing out here and at the provider (the response's Refresh header moves on by itself). */
export function oidcSignOutPage(props: { i18n: I18n; brand: string; url: string }): Html {
  const { i18n } = props;
  return html`<section class="auth-page">
  <p role="status">${i18n.t('oidc.signingOut', { brand: props.brand })}</p>
  <p><a class="button" href="${props.url}">${i18n.t('oidc.continueSignOut', { brand: props.brand })}</a></p>
</section>`;
}

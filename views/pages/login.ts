import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type LoginPageProps = {
  i18n: I18n;
  /** What the visitor typed in the login field; the password is never sent back. */
  values: { login?: string };
  errors: FieldErrors;
  /** A local path to return to after logging in, already checked by the route. */
  next?: string | undefined;
  /** A status line above the form (after a password reset). */
  notice?: string | undefined;
  /** The brand's identity provider, when one is configured: its "Sign in with" button comes first. */
  provider?: { brand: string } | undefined;
  /** False with OIDC_ONLY: only the provider's button is shown. */
  passwordForm?: boolean;
  /** The administrators' emergency form (OIDC_ONLY with /login?local=1). */
  breakGlass?: boolean;
};

function providerButton(i18n: I18n, brand: string, next: string | undefined): Html {
  const href = next ? `/auth/oidc/start?next=${encodeURIComponent(next)}` : '/auth/oidc/start';
  return html`<p><a class="button" href="${href}">${i18n.t('oidc.signInWith', { brand })}</a></p>`;
}

export function loginPage(props: LoginPageProps): Html {
  const { i18n, values, errors, next, notice, provider, breakGlass } = props;
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  const heading = breakGlass ? i18n.t('oidc.breakGlassHeading') : i18n.t('layout.logIn');
  if (provider && props.passwordForm === false) {
    return html`<section class="auth-page" aria-labelledby="login-heading">
  <h1 id="login-heading">${heading}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  <p>${i18n.t('oidc.onlyProvider', { brand: provider.brand })}</p>
  ${providerButton(i18n, provider.brand, next)}
</section>`;
  }
  return html`<section class="auth-page" aria-labelledby="login-heading">
  <h1 id="login-heading">${heading}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  ${breakGlass && provider ? html`<p>${i18n.t('oidc.breakGlassNote', { brand: provider.brand })}</p>` : ''}
  ${provider && !breakGlass ? html`${providerButton(i18n, provider.brand, next)}<p>${i18n.t('oidc.or')}</p>` : ''}
  ${errorSummary(i18n, errors)}
  <form method="post" action="/login" class="auth-form">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
    ${breakGlass ? html`<input type="hidden" name="local" value="1">` : ''}
    ${field({
      name: 'login',
      label: i18n.t('login.loginLabel'),
      value: values.login,
      error: errors['login'],
      autocomplete: 'username',
      required: true,
      maxlength: 254,
      autofocus: !errors['password'] || Boolean(errors['login']),
    })}
    ${field({
      name: 'password',
      label: i18n.t('signup.password'),
      type: 'password',
      error: errors['password'],
      autocomplete: 'current-password',
      required: true,
      autofocus: Boolean(errors['password']) && !errors['login'],
    })}
    <button type="submit" class="button">${i18n.t('layout.logIn')}</button>
  </form>
  ${breakGlass ? '' : html`<p><a href="/password/forgot">${i18n.t('login.forgot')}</a></p>
  <p>${rich(i18n, 'login.newHere', { link: (text) => html`<a href="${signupHref}">${text}</a>` })}</p>`}
</section>`;
}

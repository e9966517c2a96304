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
};

export function loginPage(props: LoginPageProps): Html {
  const { i18n, values, errors, next, notice } = props;
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  return html`<section class="auth-page" aria-labelledby="login-heading">
  <h1 id="login-heading">${i18n.t('layout.logIn')}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  ${errorSummary(i18n, errors)}
  <form method="post" action="/login" class="auth-form">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
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
  <p><a href="/password/forgot">${i18n.t('login.forgot')}</a></p>
  <p>${rich(i18n, 'login.newHere', { link: (text) => html`<a href="${signupHref}">${text}</a>` })}</p>
</section>`;
}

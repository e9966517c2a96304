import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from '../../src/auth/accounts.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type SignupPageProps = {
  i18n: I18n;
  /** What the visitor typed; the password is never sent back. */
  values: { username?: string; email?: string };
  errors: FieldErrors;
  /** A local path to return to after signing up, already checked by the route. */
  next?: string | undefined;
};

export function signupPage(props: SignupPageProps): Html {
  const { i18n, values, errors, next } = props;
  // Focus the first field that needs attention, or the first field on a fresh form.
  const focus = ['username', 'email', 'password'].find((name) => errors[name]) ?? 'username';
  const loginHref = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return html`<section class="auth-page" aria-labelledby="signup-heading">
  <h1 id="signup-heading">${i18n.t('signup.heading')}</h1>
  <p>${i18n.t('signup.intro')}</p>
  ${errorSummary(i18n, errors)}
  <form method="post" action="/signup" class="auth-form">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
    ${field({
      name: 'username',
      label: i18n.t('signup.username'),
      value: values.username,
      error: errors['username'],
      hint: i18n.t('signup.usernameHint', { min: USERNAME_MIN, max: USERNAME_MAX }),
      autocomplete: 'username',
      required: true,
      minlength: USERNAME_MIN,
      maxlength: USERNAME_MAX,
      autofocus: focus === 'username',
    })}
    ${field({
      name: 'email',
      label: i18n.t('signup.email'),
      type: 'email',
      value: values.email,
      error: errors['email'],
      hint: i18n.t('signup.emailHint'),
      autocomplete: 'email',
      required: true,
      maxlength: 254,
      autofocus: focus === 'email',
    })}
    ${field({
      name: 'password',
      label: i18n.t('signup.password'),
      type: 'password',
      error: errors['password'],
      hint: i18n.t('signup.passwordHint', { min: PASSWORD_MIN }),
      autocomplete: 'new-password',
      required: true,
      minlength: PASSWORD_MIN,
      maxlength: PASSWORD_MAX,
      autofocus: focus === 'password',
    })}
    <button type="submit" class="button">${i18n.t('signup.submit')}</button>
  </form>
  <p>${rich(i18n, 'signup.haveAccount', { link: (text) => html`<a href="${loginHref}">${text}</a>` })}</p>
</section>`;
}

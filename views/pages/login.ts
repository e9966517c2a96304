import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

export type LoginPageProps = {
  /** What the visitor typed in the login field; the password is never sent back. */
  values: { login?: string };
  errors: FieldErrors;
  /** A local path to return to after logging in, already checked by the route. */
  next?: string | undefined;
  /** A status line above the form (after a password reset). */
  notice?: string | undefined;
};

export function loginPage(props: LoginPageProps): Html {
  const { values, errors, next, notice } = props;
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  return html`<section class="auth-page" aria-labelledby="login-heading">
  <h1 id="login-heading">Log in</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  ${errorSummary(legacyI18n, errors)}
  <form method="post" action="/login" class="auth-form">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
    ${field({
      name: 'login',
      label: 'Username or email address',
      value: values.login,
      error: errors['login'],
      autocomplete: 'username',
      required: true,
      maxlength: 254,
      autofocus: !errors['password'] || Boolean(errors['login']),
    })}
    ${field({
      name: 'password',
      label: 'Password',
      type: 'password',
      error: errors['password'],
      autocomplete: 'current-password',
      required: true,
      autofocus: Boolean(errors['password']) && !errors['login'],
    })}
    <button type="submit" class="button">Log in</button>
  </form>
  <p><a href="/password/forgot">Forgot your password?</a></p>
  <p>New here? <a href="${signupHref}">Create an account</a></p>
</section>`;
}

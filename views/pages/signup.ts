import { legacyI18n } from '../legacy-i18n.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

export type SignupPageProps = {
  /** What the visitor typed; the password is never sent back. */
  values: { username?: string; email?: string };
  errors: FieldErrors;
  /** A local path to return to after signing up, already checked by the route. */
  next?: string | undefined;
};

export function signupPage(props: SignupPageProps): Html {
  const { values, errors, next } = props;
  // Focus the first field that needs attention, or the first field on a fresh form.
  const focus = ['username', 'email', 'password'].find((name) => errors[name]) ?? 'username';
  const loginHref = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return html`<section class="auth-page" aria-labelledby="signup-heading">
  <h1 id="signup-heading">Create your account</h1>
  <p>Join the community to ask questions, reply and follow threads.</p>
  ${errorSummary(legacyI18n, errors)}
  <form method="post" action="/signup" class="auth-form">
    ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
    ${field({
      name: 'username',
      label: 'Username',
      value: values.username,
      error: errors['username'],
      hint: '3–20 letters, digits, _ or -. Shown next to everything you post.',
      autocomplete: 'username',
      required: true,
      minlength: 3,
      maxlength: 20,
      autofocus: focus === 'username',
    })}
    ${field({
      name: 'email',
      label: 'Email address',
      type: 'email',
      value: values.email,
      error: errors['email'],
      hint: 'Only used to sign in and to reach you about your account; never shown to others.',
      autocomplete: 'email',
      required: true,
      maxlength: 254,
      autofocus: focus === 'email',
    })}
    ${field({
      name: 'password',
      label: 'Password',
      type: 'password',
      error: errors['password'],
      hint: 'At least 10 characters. A few unrelated words are easy to remember and hard to guess.',
      autocomplete: 'new-password',
      required: true,
      minlength: 10,
      maxlength: 256,
      autofocus: focus === 'password',
    })}
    <button type="submit" class="button">Create account</button>
  </form>
  <p>Already have an account? <a href="${loginHref}">Log in</a></p>
</section>`;
}

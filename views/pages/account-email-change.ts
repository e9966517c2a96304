import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

/**
 * A new address, with the current password (members who sign in only through the brand's provider
 * leave it empty and must have signed in recently). A link goes to the new address; the account
 * keeps the current one until it is followed.
 */
export function emailChangeSection(i18n: I18n, props: { current: string; newEmail: string; errors: FieldErrors }): Html {
  const errors = { newEmail: props.errors['newEmail'], emailPassword: props.errors['emailPassword'] };
  return html`<section aria-labelledby="email-change-heading">
  <h2 id="email-change-heading">${i18n.t('account.changeEmailHeading')}</h2>
  <form method="post" action="/account/email-address" class="post-form">
    ${errorSummary(i18n, errors)}
    ${field({ name: 'newEmail', label: i18n.t('account.newEmailLabel'), type: 'email', value: props.newEmail, error: errors.newEmail, autocomplete: 'email', required: true, maxlength: 254, hint: i18n.t('account.newEmailHint') })}
    ${field({ name: 'emailPassword', label: i18n.t('account.currentPassword'), type: 'password', error: errors.emailPassword, autocomplete: 'current-password', hint: i18n.t('account.changeEmailPasswordHint') })}
    <button type="submit">${i18n.t('account.changeEmailSubmit')}</button>
  </form>
</section>`;
}

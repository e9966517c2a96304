import { BIO_MAX, DISPLAY_NAME_MAX, FIELD_VALUE_MAX } from '../../src/profiles/profile-text.js';
import type { OwnProfile } from '../../src/profiles/profile.js';
import type { I18n } from '../../src/i18n/translator.js';
import { avatarImage } from '../components/avatar.js';
import { errorSummary, field, textarea, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

/** The member's profile as saved, or as they just sent it when it was refused. */
export type ProfileSectionProps = { profile: OwnProfile; avatarUrl: string; username: string; errors: FieldErrors };

function ownErrors(errors: FieldErrors, profile: OwnProfile): FieldErrors {
  const own: FieldErrors = { displayName: errors['displayName'], bio: errors['bio'] };
  for (const item of profile.fields) own[`field-${item.id}`] = errors[`field-${item.id}`];
  return own;
}

/** Display name, bio and the admin's fields, in one form; the picture is shown as others see it. */
export function profileSection(i18n: I18n, props: ProfileSectionProps): Html {
  const { profile } = props;
  const errors = ownErrors(props.errors, profile);
  return html`<section aria-labelledby="profile-heading">
  <h2 id="profile-heading">${i18n.t('account.profileHeading')}</h2>
  <p>${avatarImage(props.avatarUrl, 48, 'avatar', false)} <a href="/u/${encodeURIComponent(props.username)}">${i18n.t('account.viewProfile')}</a></p>
  <form method="post" action="/account/profile" class="post-form">
    ${errorSummary(i18n, errors)}
    ${field({ name: 'displayName', label: i18n.t('account.displayNameLabel'), value: profile.displayName, error: errors['displayName'], hint: i18n.t('account.displayNameHint', { max: DISPLAY_NAME_MAX }), maxlength: DISPLAY_NAME_MAX, autocomplete: 'nickname', dir: 'auto' })}
    ${textarea({ name: 'bio', label: i18n.t('account.bioLabel'), value: profile.bio, error: errors['bio'], hint: i18n.t('account.bioHint', { max: BIO_MAX }), maxlength: BIO_MAX, rows: 4, dir: 'auto' })}
    ${profile.fields.map((item) => field({ name: `field-${item.id}`, label: item.label, value: item.value, error: errors[`field-${item.id}`], maxlength: FIELD_VALUE_MAX, dir: 'auto' }))}
    <button type="submit">${i18n.t('account.saveProfile')}</button>
  </form>
</section>`;
}

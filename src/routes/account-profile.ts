import { Hono, type Context } from 'hono';
import { ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { requestEmailChange } from '../profiles/email-change.js';
import { ownAvatarUrl, ownProfile, updateProfile, type ProfileInput } from '../profiles/profile.js';
import type { ProfileSectionProps } from '../../views/pages/account-profile.js';
import { renderAccount } from './account.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm, type FormErrors } from './forms.js';
import { fieldTexts } from './render.js';

// The account page's profile form (display name, bio, the admin's fields) and its change of
// address; the page itself is src/routes/account.ts.

/** The profile section's props: what is saved, or what the member sent when it was refused. */
export function accountProfileProps(c: Context<AppEnv>, sent: ProfileInput | undefined, errors: FormErrors): ProfileSectionProps {
  const viewer = c.get('viewer')!;
  const saved = ownProfile(c.get('services'), viewer);
  const profile = sent
    ? { displayName: sent.displayName, bio: sent.bio, fields: saved.fields.map((field) => ({ ...field, value: sent.fields[field.id] ?? '' })) }
    : saved;
  return { profile, avatarUrl: ownAvatarUrl(c.get('services'), viewer), username: viewer.username, errors };
}

/** The profile form's values; fields are named `field-<id>`. */
function profileInput(form: Record<string, string>): ProfileInput {
  const fields: Record<number, string> = {};
  for (const [name, value] of Object.entries(form)) {
    const match = /^field-([0-9]{1,9})$/.exec(name);
    if (match) fields[Number(match[1])] = value;
  }
  return { displayName: form['displayName'] ?? '', bio: form['bio'] ?? '', fields };
}

export const accountProfileRoutes = new Hono<AppEnv>()
  .post('/account/profile', async (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const input = profileInput(await readForm(c));
    try {
      updateProfile(c.get('services'), c.get('viewer'), input);
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422, profile: input });
      throw error;
    }
    return c.redirect('/account?done=profile', 303);
  })
  // A link to the new address; nothing changes until it is followed (/email-change).
  .post('/account/email-address', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return loginRedirect(c);
    const form = await readForm(c);
    const newEmail = (form['newEmail'] ?? '').slice(0, 300);
    const key = `change-mail:${viewer.id}`;
    const wait = c.get('limits').wait(key, rules.verificationPerMember);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return renderAccount(c, { status: 429, newEmail, notice: c.get('i18n').t('account.verificationWait', { minutes: Math.ceil(wait / 60) }) });
    }
    try {
      await requestEmailChange(c.get('services'), viewer, { email: newEmail, password: form['emailPassword'] ?? '', sessionId: c.get('sessionId') });
    } catch (error) {
      // A wrong password counts against the limit too: the form must not be a way to guess it.
      if (error instanceof ValidationError && error.fields['emailPassword']) c.get('limits').take(key, rules.verificationPerMember);
      if (error instanceof ValidationError) return renderAccount(c, { errors: fieldTexts(c, error.fields), status: 422, newEmail });
      throw error;
    }
    c.get('limits').take(key, rules.verificationPerMember);
    return c.redirect('/account?done=email-change', 303);
  });

import { eq } from 'drizzle-orm';
import { emailPreferences, users, type EmailPreference } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Unauthenticated, ValidationError } from '../lib/errors.js';

export function setEmailPreference(ctx: ServiceContext, viewer: Viewer, value: string): EmailPreference {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  const preference = emailPreferences.find((candidate) => candidate === value);
  if (!preference) throw new ValidationError({ preference: msg('account.choosePreference') });
  ctx.db.update(users).set({ emailPreference: preference }).where(eq(users.id, viewer.id)).run();
  return preference;
}

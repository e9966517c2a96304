import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import { assertValid, Unauthenticated } from '../lib/errors.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from './message.js';
import { supportedLocale } from './negotiate.js';
import { isTimeZone } from './time-zones.js';

/** Empty means "the community's default". */
export type MemberLocaleInput = { locale: string; timeZone: string };

/** A member's own interface language and time zone (the account page, and the language picker when signed in). */
export function setMemberLocale(ctx: ServiceContext, viewer: Viewer, input: MemberLocaleInput): void {
  if (!viewer) throw new Unauthenticated();
  const locale = input.locale === '' ? null : (supportedLocale(input.locale) ?? undefined);
  const timeZone = input.timeZone === '' ? null : isTimeZone(input.timeZone) ? input.timeZone : undefined;
  assertValid({
    locale: locale === undefined ? msg('locale.invalid') : undefined,
    timeZone: timeZone === undefined ? msg('locale.invalidTimeZone') : undefined,
  });
  ctx.db.update(users).set({ locale: locale ?? null, timeZone: timeZone ?? null }).where(eq(users.id, viewer.id)).run();
}

/** The language picker, signed in: only the language changes, the time zone stays. */
export function setMemberLanguage(ctx: ServiceContext, viewer: Viewer, locale: string): void {
  if (!viewer) throw new Unauthenticated();
  const chosen = supportedLocale(locale);
  assertValid({ locale: chosen ? undefined : msg('locale.invalid') });
  ctx.db.update(users).set({ locale: chosen }).where(eq(users.id, viewer.id)).run();
}

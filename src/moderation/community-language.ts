import { canConfigure } from '../forum/permissions.js';
import { rememberCommunityLocale, rememberedCommunityLocale, writeCommunityLocale, type CommunityLocale } from '../i18n/community.js';
import { msg } from '../i18n/message.js';
import { supportedLocale } from '../i18n/negotiate.js';
import { isTimeZone } from '../i18n/time-zones.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, Unauthenticated } from '../lib/errors.js';
import { recordModAction } from './audit.js';

/** The admin's form on /admin/language: a shipped locale and an IANA time zone, both required; audited. */
export function setCommunityLocale(ctx: ServiceContext, viewer: Viewer, input: { locale: unknown; timeZone: unknown }): CommunityLocale {
  const requested = typeof input.locale === 'string' ? input.locale : '';
  const zone = typeof input.timeZone === 'string' ? input.timeZone.trim() : '';
  const locale = supportedLocale(requested);
  assertValid({
    locale: locale === undefined ? msg('locale.invalid') : undefined,
    timeZone: isTimeZone(zone) ? undefined : msg('locale.invalidTimeZone'),
  });
  if (viewer === null) throw new Unauthenticated();
  if (!canConfigure(viewer)) throw new Forbidden(msg('language.adminsOnly'));
  const choice = { locale: locale!, timeZone: zone };
  const previous = rememberedCommunityLocale(ctx.db);
  ctx.db.transaction((tx) => {
    writeCommunityLocale(tx, choice);
    recordModAction(tx, { actorId: viewer.id, action: 'community_language', details: previous ? { from: previous, to: choice } : { to: choice }, at: ctx.now() });
  });
  rememberCommunityLocale(ctx.db, choice);
  return choice;
}

import { Hono, type Context } from 'hono';
import { communityLocale, communityRendering, type CommunityLocale } from '../i18n/community.js';
import { setCommunityLocale } from '../moderation/community-language.js';
import { ValidationError } from '../lib/errors.js';
import type { FieldErrors } from '../../views/components/form.js';
import { communityLanguagePage } from '../../views/pages/admin-language.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// Admin → Language: the community's default language and time zone (src/i18n/community.ts).

const PAGE = '/admin/language';

function render(c: Context<AppEnv>, values: { locale: string; timeZone: string }, errors: FieldErrors = {}, status: 200 | 422 = 200) {
  const i18n = c.get('i18n');
  const notice = c.req.query('done') === 'saved' && status === 200 ? i18n.t('language.saved') : undefined;
  return renderPage(c, communityLanguagePage({ i18n, values, errors }), { title: i18n.t('language.heading'), ...(notice ? { notice } : {}) }, status);
}

export const adminLanguageRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .get(PAGE, (c) => {
    const config = c.get('config');
    const services = c.get('services');
    return render(c, communityLocale(services.db, { locale: config.defaultLocale, timeZone: config.timeZone }));
  })
  .post(PAGE, async (c) => {
    const form = await readForm(c);
    const values = { locale: form['locale'] ?? '', timeZone: form['timeZone'] ?? '' };
    let saved: CommunityLocale;
    try {
      saved = setCommunityLocale(c.get('services'), c.get('viewer'), values);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, values, fieldTexts(c, error.fields), 422);
    }
    // Cached anonymous pages without a locale cookie were rendered in the old default: they are
    // forgotten, and their ETags no longer match.
    c.get('pageCache').describe({ community: communityRendering(saved) });
    return c.redirect(`${PAGE}?done=saved`, 303);
  });

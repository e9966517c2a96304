import { Hono, type Context } from 'hono';
import { getSetting } from '../db/settings.js';
import { ValidationError } from '../lib/errors.js';
import { FOOTER_MAX, HEADER_LINKS_MAX, readAppearance, saveAppearance } from '../moderation/appearance.js';
import { requireConfigurer } from '../moderation/staff.js';
import { appearancePage, type AppearanceValues } from '../../views/pages/admin-appearance.js';
import type { FieldErrors } from '../../views/components/form.js';
import type { AppEnv } from './env.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';
import { chooseAnimatedImages, keepsAnimation } from '../uploads/settings.js';

// Admin → Appearance (src/moderation/appearance.ts). Saved, it reaches every process's pages on
// their next request (src/routes/site-settings.ts), with new ETags for cached pages.

const PAGE = '/admin/appearance';

function render(c: Context<AppEnv>, values: AppearanceValues, errors: FieldErrors = {}, status: 200 | 422 = 200) {
  const i18n = c.get('i18n');
  const config = c.get('config');
  const defaults = { name: config.siteName ?? getSetting(c.get('services').db, 'site_name') ?? c.get('site').name, brandColor: config.brandColor };
  const done = status === 200 ? c.req.query('done') : undefined;
  const notice = done === 'saved' ? { notice: i18n.t('appearance.saved') } : done === 'animated' ? { notice: i18n.t('appearance.animatedSaved') } : {};
  return renderPage(c, appearancePage({ i18n, values, errors, defaults, keepAnimation: keepsAnimation(c.get('services').db), linksMax: HEADER_LINKS_MAX, footerMax: FOOTER_MAX }), { title: i18n.t('appearance.heading'), ...notice }, status);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

export const adminAppearanceRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .use(`${PAGE}/*`, adminOnly())
  // Uploaded animated GIFs: kept animated, or made a still (docs/uploads.md); affects later uploads only.
  .post(`${PAGE}/animated-images`, async (c) => {
    const form = await c.req.parseBody();
    chooseAnimatedImages(c.get('services'), c.get('viewer'), form['animated'] !== 'still');
    return c.redirect(`${PAGE}?done=animated`, 303);
  })
  .get(PAGE, (c) => {
    requireConfigurer(c.get('viewer'));
    const stored = readAppearance(c.get('services').db);
    return render(c, { name: stored.name ?? '', brandColor: stored.brandColor ?? '', logoUrl: stored.logoUrl ?? '', links: stored.links, footer: stored.footer });
  })
  .post(PAGE, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const one = (name: string) => strings(form[name]).at(-1) ?? '';
    const linkLabels = strings(form['linkLabel']);
    const linkUrls = strings(form['linkUrl']);
    const input = { name: one('name'), brandColor: one('brandColor'), logoUrl: one('logoUrl'), linkLabels, linkUrls, footer: one('footer') };
    try {
      saveAppearance(c.get('services'), c.get('viewer'), input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const links = linkLabels.map((label, index) => ({ label, url: linkUrls[index] ?? '' }));
      return render(c, { name: input.name, brandColor: input.brandColor, logoUrl: input.logoUrl, links, footer: input.footer }, fieldTexts(c, error.fields), 422);
    }
    // Pages served before the app (src/lib/cached-pages.ts) take the new appearance from the next request.
    c.get('pageCache').recheck();
    return c.redirect(`${PAGE}?done=saved`, 303);
  });

import { Hono, type Context } from 'hono';
import { listCategories } from '../forum/categories.js';
import { offersSignUp } from '../../views/layout.js';
import { homePage } from '../../views/pages/home.js';
import type { AppEnv } from './env.js';
import { homePageVersion } from '../forum/page-versions.js';
import type { ServiceContext } from '../lib/context.js';
import { minuteVersion, pageHtml, sendHtml, servePublic } from './render.js';

function homeHtml(c: Context<AppEnv>): string {
  const i18n = c.get('i18n');
  const categories = listCategories(c.get('services'));
  const site = c.get('site');
  const siteName = site.name;
  return pageHtml(c, homePage({ i18n, siteName, categories, inviteSignUp: c.get('viewer') === null && offersSignUp(site) }), {
    title: siteName,
    description: i18n.t('home.description', { site: siteName }),
    canonicalPath: '/',
    feed: { path: '/latest.atom', title: i18n.t('feed.latestTitle', { site: siteName }) },
  });
}

/** The home page shows "3 hours ago": its cached copy turns over every minute as well. */
function homeVersion(services: ServiceContext): string {
  return minuteVersion(homePageVersion(services.db), services.now());
}

export const homeRoutes = new Hono<AppEnv>().get('/', (c) => {
  if (c.get('viewer') !== null) return sendHtml(c, homeHtml(c));
  const services = c.get('services');
  return servePublic(c, homeVersion(services), () => homeHtml(c), () => homeVersion(services));
});

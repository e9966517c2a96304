import { Hono, type Context } from 'hono';
import { listCategories } from '../forum/categories.js';
import { homePage } from '../../views/pages/home.js';
import type { AppEnv } from './env.js';
import { homePageVersion } from '../forum/page-versions.js';
import { pageHtml, sendHtml, servePublic } from './render.js';

function homeHtml(c: Context<AppEnv>): string {
  const categories = listCategories(c.var.services);
  const siteName = c.var.site.name;
  return pageHtml(c, homePage({ siteName, categories, signedIn: c.var.viewer !== null }), {
    title: siteName,
    description: `The ${siteName} community: questions, answers and discussions about ${siteName} products.`,
    canonicalPath: '/',
    feed: { path: '/latest.atom', title: `${siteName}: latest threads` },
  });
}

export const homeRoutes = new Hono<AppEnv>().get('/', (c) => {
  if (c.var.viewer !== null) return sendHtml(c, homeHtml(c));
  const { db } = c.var.services;
  return servePublic(c, homePageVersion(db), () => homeHtml(c), () => homePageVersion(db));
});

import { Hono } from 'hono';
import { listCategories } from '../forum/categories.js';
import { homePage } from '../../views/pages/home.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

export const homeRoutes = new Hono<AppEnv>().get('/', (c) => {
  const categories = listCategories(c.var.services);
  const siteName = c.var.site.name;
  return renderPage(c, homePage({ siteName, categories, signedIn: c.var.viewer !== null }), {
    title: siteName,
    description: `The ${siteName} community: questions, answers and discussions about ${siteName} products.`,
    canonicalPath: '/',
  });
});

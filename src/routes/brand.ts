import { Hono } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The brand colour in force (Admin → Appearance, else BRAND_COLOR) as a CSS variable, so pages need
 * no inline styles. Pages link it with the appearance's version in the query: a new colour is a new
 * URL, so the five minutes a browser keeps it never show an old colour on a new page.
 */
export const brandRoutes = new Hono<AppEnv>().get('/brand.css', (c) => {
  const color = c.get('site').look?.brandColor ?? c.get('config').brandColor;
  c.header('Content-Type', 'text/css; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(`:root { --brand: ${color}; }\n`);
});

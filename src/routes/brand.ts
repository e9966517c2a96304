import { Hono } from 'hono';
import type { AppEnv } from './env.js';

/** The configured brand colour as a CSS variable, so pages need no inline styles. */
export const brandRoutes = new Hono<AppEnv>().get('/brand.css', (c) => {
  c.header('Content-Type', 'text/css; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(`:root { --brand: ${c.get('config').brandColor}; }\n`);
});

import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', (c) => {
  try {
    c.get('services').db.get(sql`select 1`);
    c.header('Cache-Control', 'no-store');
    return c.text('ok');
  } catch {
    return c.text('database unavailable', 503);
  }
});

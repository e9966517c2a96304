import type { Hono } from 'hono';
import { brandRoutes } from './brand.js';
import type { AppEnv } from './env.js';
import { healthRoutes } from './health.js';
import { staticRoutes } from './static.js';

/** Every resource's sub-app, mounted in one place. */
export function mountRoutes(app: Hono<AppEnv>): void {
  app.route('/', healthRoutes);
  app.route('/', brandRoutes);
  app.route('/', staticRoutes());
}

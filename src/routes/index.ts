import type { Hono } from 'hono';
import { authRoutes } from './auth.js';
import { brandRoutes } from './brand.js';
import type { AppEnv } from './env.js';
import { healthRoutes } from './health.js';
import { categoryRoutes } from './categories.js';
import { homeRoutes } from './home.js';
import { notificationRoutes } from './notifications.js';
import { postRoutes } from './posts.js';
import { threadRoutes } from './threads.js';
import { userRoutes } from './users.js';
import { staticRoutes } from './static.js';

/** Every resource's sub-app, mounted in one place. */
export function mountRoutes(app: Hono<AppEnv>): void {
  app.route('/', healthRoutes);
  app.route('/', authRoutes);
  app.route('/', homeRoutes);
  app.route('/', categoryRoutes);
  app.route('/', threadRoutes);
  app.route('/', postRoutes);
  app.route('/', userRoutes);
  app.route('/', notificationRoutes);
  app.route('/', brandRoutes);
  app.route('/', staticRoutes());
}

import { Hono } from 'hono';
import { requireConfigurer } from '../moderation/staff.js';
import { siteHealth } from '../operations/health.js';
import { adminHomePage } from '../../views/pages/admin-home.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// /admin: links to every settings page and the site's health (src/operations/health.ts).

export const adminHomeRoutes = new Hono<AppEnv>().use('/admin', adminOnly()).get('/admin', (c) => {
  requireConfigurer(c.get('viewer'));
  const i18n = c.get('i18n');
  const health = siteHealth(c.get('services').db, c.get('config').databasePath, c.get('errorCounter'));
  return renderPage(c, adminHomePage({ i18n, health }), { title: i18n.t('adminHome.heading') });
});

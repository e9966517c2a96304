import { localeRoutes } from './locale.js';
import type { Hono } from 'hono';
import { adminRoutes } from './admin.js';
import { adminBlockedDomainRoutes } from './admin-blocked-domains.js';
import { adminCategoryRoutes } from './admin-categories.js';
import { adminIdeaRoutes } from './admin-ideas.js';
import { adminHomeRoutes } from './admin-home.js';
import { adminAppearanceRoutes } from './admin-appearance.js';
import { adminLanguageRoutes } from './admin-language.js';
import { answerRoutes } from './answers.js';
import { feedbackRoutes } from './feedback.js';
import { ideaRoutes } from './ideas.js';
import { accountRoutes } from './account.js';
import { accountProfileRoutes } from './account-profile.js';
import { adminProfileFieldRoutes } from './admin-profile-fields.js';
import { avatarRoutes } from './avatars.js';
import { privacyRoutes } from './privacy.js';
import { adminPrivacyRoutes } from './admin-privacy.js';
import { authRoutes } from './auth.js';
import { oidcRoutes } from './oidc.js';
import { oidcAdminRoutes } from './oidc-admin.js';
import { emailLinkRoutes } from './email-links.js';
import { passwordRoutes } from './password.js';
import { brandRoutes } from './brand.js';
import type { AppEnv } from './env.js';
import { formBodyGuard } from './form-body.js';
import { healthRoutes } from './health.js';
import { categoryRoutes } from './categories.js';
import { claimRoutes } from './claims.js';
import { homeRoutes } from './home.js';
import { insightsRoutes } from './insights.js';
import { modRoutes } from './mod.js';
import { modUserRoutes } from './mod-users.js';
import { savedReplyRoutes } from './saved-replies.js';
import { notificationRoutes } from './notifications.js';
import { postRoutes } from './posts.js';
import { searchRoutes } from './search.js';
import { similarRoutes } from './similar.js';
import { threadRoutes } from './threads.js';
import { uploadRoutes } from './uploads.js';
import { pollRoutes } from './polls.js';
import { userRoutes } from './users.js';
import { watchRoutes } from './watching.js';
import { staticRoutes } from './static.js';
import { apiRoutes, oembedRoutes } from './api.js';
import { embedAdminRoutes } from './embed-admin.js';
import { embedRoutes } from './embed.js';
import { embedReplyRoutes } from './embed-replies.js';
import { embedFeedbackRoutes } from './embed-feedback.js';
import { embedSignInRoutes } from './embed-sign-in.js';
import { threadKeyRoutes } from './thread-keys.js';
import { faviconRoutes } from './favicon.js';
import { feedRoutes } from './feeds.js';
import { sitemapRoutes } from './sitemaps.js';
import type { Config } from '../config.js';

/**
 * What is the same for everyone (icons, robots.txt, sitemaps, feeds): mounted before the session
 * middleware, so these never read a session or refresh its cookie, and a visitor's copy is the
 * only copy (src/routes/public-resource.ts).
 */
export function mountAnonymousRoutes(app: Hono<AppEnv>, config: Pick<Config, 'brandColor'>): void {
  app.route('/', faviconRoutes(config.brandColor));
  app.route('/', sitemapRoutes);
  // Generated avatars are the same for everyone: no session is read for them.
  app.route('/', avatarRoutes);
  app.route('/', feedRoutes);
}

/** Every resource's sub-app, mounted in one place. */
export function mountRoutes(app: Hono<AppEnv>): void {
  app.use(formBodyGuard);
  app.route('/', healthRoutes);
  app.route('/', localeRoutes);
  // Embedding (docs/decisions/0005-embedding.md). Thread keys go before the thread routes,
  // whose /t/:id/:slug would otherwise take /t/:id/embed-key.
  app.route('/', embedRoutes());
  // Signing in and replying from a frame (docs/decisions/0049-embed-sessions.md); before the auth
  // routes, so the sign-in popup's pages keep their opener.
  app.route('/', embedSignInRoutes());
  app.route('/', embedReplyRoutes());
  app.route('/', embedFeedbackRoutes());
  app.route('/', apiRoutes);
  app.route('/', oembedRoutes);
  app.route('/', embedAdminRoutes);
  app.route('/', threadKeyRoutes);
  app.route('/', authRoutes);
  app.route('/', oidcRoutes);
  app.route('/', oidcAdminRoutes);
  app.route('/', accountRoutes);
  app.route('/', uploadRoutes);
  app.route('/', accountProfileRoutes);
  app.route('/', privacyRoutes);
  app.route('/', emailLinkRoutes);
  app.route('/', passwordRoutes);
  app.route('/', homeRoutes);
  app.route('/', categoryRoutes);
  app.route('/', watchRoutes);
  // Before the thread routes, whose /t/:id/:slug would otherwise take /t/:id/polls.csv.
  app.route('/', pollRoutes);
  app.route('/', threadRoutes);
  app.route('/', claimRoutes);
  app.route('/', postRoutes);
  app.route('/', answerRoutes);
  app.route('/', feedbackRoutes);
  app.route('/', ideaRoutes);
  app.route('/', userRoutes);
  app.route('/', notificationRoutes);
  app.route('/', modRoutes);
  app.route('/', modUserRoutes);
  app.route('/', savedReplyRoutes);
  app.route('/', insightsRoutes);
  app.route('/', adminHomeRoutes);
  app.route('/', adminRoutes);
  app.route('/', adminCategoryRoutes);
  app.route('/', adminProfileFieldRoutes);
  app.route('/', adminIdeaRoutes);
  app.route('/', adminAppearanceRoutes);
  app.route('/', adminLanguageRoutes);
  app.route('/', adminPrivacyRoutes);
  app.route('/', adminBlockedDomainRoutes);
  app.route('/', searchRoutes);
  app.route('/', similarRoutes);
  app.route('/', brandRoutes);
  app.route('/', staticRoutes());
}

import { Hono, type Context } from 'hono';
import * as client from 'openid-client';
import { AccountSuspended } from '../auth/accounts.js';
import { pendingLink, provePendingLink } from '../auth/identity-links.js';
import { providerConfiguration, ProviderUnreachable } from '../auth/oidc-client.js';
import { startLogin, takeLogin, type LoginRefusal } from '../auth/oidc-logins.js';
import { signInWithProvider, type ProviderClaims } from '../auth/oidc-members.js';
import type { OidcSettings } from '../auth/oidc-settings.js';
import type { MessageKey } from '../i18n/catalog.js';
import { msg } from '../i18n/message.js';
import { NotFound, RateLimited, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { clientAddress } from './limits.js';
import { oidcLinkPage, oidcSignOutPage } from '../../views/pages/oidc-link.js';
import { localPath, loginLockout, noStore, refusal, signIn } from './auth.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { oidcCookies } from './oidc-cookies.js';
import { providerLogoutUrl, providerSettings } from './oidc-local.js';
import { fieldTexts, renderError, renderPage } from './render.js';

export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

const refusals: Record<LoginRefusal, MessageKey> = { unknown: 'oidc.unknownState', expired: 'oidc.expired', 'other-browser': 'oidc.otherBrowser' };

function brand(c: Context<AppEnv>): string {
  return c.get('site').name;
}

function refuse(c: Context<AppEnv>, status: 400 | 403 | 404 | 503, key: MessageKey) {
  noStore(c);
  return renderError(c, status, msg(key, { brand: brand(c) }), { back: { href: '/login', label: c.get('i18n').t('layout.logIn') } });
}

/** The provider's configuration, or null after logging why (the caller shows the "not answering" page). */
async function configuration(c: Context<AppEnv>, settings: OidcSettings): Promise<client.Configuration | null> {
  try {
    return await providerConfiguration(settings, c.get('services').now());
  } catch (error) {
    if (!(error instanceof ProviderUnreachable)) throw error;
    c.get('log')(error.message, error.cause);
    return null;
  }
}

/** An error and its causes in one line ("unexpected JWT claim value encountered: unexpected ID Token "nonce" claim value"). */
function reasons(error: unknown): string {
  const parts: string[] = [];
  for (let cause = error; cause instanceof Error && parts.length < 4; cause = cause.cause) parts.push(cause.message);
  return parts.join(': ') || String(error);
}

/** Exchanges the code (PKCE verifier, state, nonce, issuer and audience all checked by openid-client); null when refused. */
async function exchange(c: Context<AppEnv>, config: client.Configuration, pending: { state: string; codeVerifier: string; nonce: string }) {
  // The URL the provider redirected to, as registered there (BASE_URL), whatever a proxy made of it.
  const current = new URL(`${c.get('config').baseUrl}${OIDC_CALLBACK_PATH}${new URL(c.req.url).search}`);
  try {
    const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    const claims = tokens.claims();
    return claims && tokens.id_token ? { claims: claims as unknown as ProviderClaims, idToken: tokens.id_token } : null;
  } catch (error) {
    c.get('log')(`Sign-in through the identity provider refused: ${reasons(error)}`, error);
    return null;
  }
}

export const oidcRoutes = new Hono<AppEnv>()
  .get('/auth/oidc/start', async (c) => {
    noStore(c);
    const settings = providerSettings(c);
    if (!settings) return refuse(c, 404, 'oidc.notConfigured');
    try {
      // Each start stores a row: a visitor gets as many as the login form allows them attempts.
      c.get('limits').take(`oidc-start:${clientAddress(c)}`, rules.loginPerIp);
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      return renderError(c, 429, error.text);
    }
    const config = await configuration(c, settings);
    if (!config) return refuse(c, 503, 'oidc.unreachable');
    const secure = c.get('config').secureCookies;
    const next = localPath(c.req.query('next')) ?? null;
    const started = await startLogin(c.get('services').db, { next, browserSecret: oidcCookies.browser(c) }, c.get('services').now());
    oidcCookies.setBrowser(c, started.browserSecret, secure);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${c.get('config').baseUrl}${OIDC_CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: started.codeChallenge,
      code_challenge_method: 'S256',
      state: started.state,
      nonce: started.nonce,
    });
    return c.redirect(url.href, 303);
  })
  .get(OIDC_CALLBACK_PATH, async (c) => {
    noStore(c);
    const settings = providerSettings(c);
    if (!settings) return refuse(c, 404, 'oidc.notConfigured');
    const services = c.get('services');
    // Taken (deleted) before anything else, so the same callback URL never works twice.
    const pending = takeLogin(services.db, c.req.query('state'), oidcCookies.browser(c), services.now());
    if (typeof pending === 'string') return refuse(c, 400, refusals[pending]);
    if (c.req.query('error')) return refuse(c, 403, 'oidc.cancelled');
    const config = await configuration(c, settings);
    if (!config) return refuse(c, 503, 'oidc.unreachable');
    const result = await exchange(c, config, pending);
    if (!result) return refuse(c, 400, 'oidc.refused');
    try {
      const outcome = signInWithProvider(services, settings, result.claims, pending.next);
      const secure = c.get('config').secureCookies;
      if (outcome.kind === 'link') {
        oidcCookies.setLink(c, outcome.token, secure);
        return c.redirect('/auth/oidc/link', 303);
      }
      signIn(c, outcome.user, 'oidc');
      oidcCookies.setIdToken(c, result.idToken, secure);
      return c.redirect(pending.next ?? '/', 303);
    } catch (error) {
      if (!(error instanceof AccountSuspended)) throw error;
      return renderError(c, 403, refusal(c, error));
    }
  })
  .get('/auth/oidc/link', (c) => {
    noStore(c);
    try {
      const link = pendingLink(c.get('services'), oidcCookies.link(c));
      return renderPage(c, oidcLinkPage({ i18n: c.get('i18n'), brand: brand(c), ...link, errors: {} }), { title: c.get('i18n').t('oidc.linkHeading') });
    } catch (error) {
      if (error instanceof NotFound) return refuse(c, 404, 'oidc.linkGone');
      throw error;
    }
  })
  .post('/auth/oidc/link', async (c) => {
    noStore(c);
    const settings = providerSettings(c);
    if (!settings) return refuse(c, 404, 'oidc.notConfigured');
    const form = await readForm(c);
    const token = oidcCookies.link(c);
    try {
      const { user, next } = await provePendingLink(c.get('services'), settings, { token, password: form['password'] ?? '' }, loginLockout(c));
      oidcCookies.clearLink(c, c.get('config').secureCookies);
      signIn(c, user, 'oidc');
      return c.redirect(localPath(next) ?? '/', 303);
    } catch (error) {
      if (error instanceof NotFound) return refuse(c, 404, 'oidc.linkGone');
      if (error instanceof AccountSuspended) return renderError(c, 403, refusal(c, error));
      if (!(error instanceof ValidationError)) throw error;
      const link = pendingLink(c.get('services'), token);
      return renderPage(c, oidcLinkPage({ i18n: c.get('i18n'), brand: brand(c), ...link, errors: fieldTexts(c, error.fields) }), { title: c.get('i18n').t('oidc.linkHeading') }, 422);
    }
  })
  /**
   * The second step of signing out (after POST /logout) for members who signed in through the
   * provider. A page, not a redirect: the page CSP's form-action 'self' also covers redirects of
   * the sign-out form, so the provider is reached by the Refresh header (or the link) instead.
   * Only the community's own sign-out may lead here: a link from another site just goes home.
   */
  .get('/auth/oidc/logout', async (c) => {
    noStore(c);
    if (c.get('viewer') || c.req.header('sec-fetch-site') !== 'same-origin') return c.redirect('/', 303);
    const url = await providerLogoutUrl(c);
    if (!url) return c.redirect('/', 303);
    c.header('Refresh', `0; url=${url}`);
    return renderPage(c, oidcSignOutPage({ i18n: c.get('i18n'), brand: brand(c), url }), { title: c.get('i18n').t('layout.logOut') });
  });

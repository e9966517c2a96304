import type { Context } from 'hono';
import * as client from 'openid-client';
import { msg } from '../i18n/message.js';
import { providerConfiguration } from '../auth/oidc-client.js';
import type { OidcSettings } from '../auth/oidc-settings.js';
import { effectiveProvider } from '../auth/oidc-stored.js';
import type { AppEnv } from './env.js';
import { oidcCookies } from './oidc-cookies.js';
import { renderError } from './render.js';

/** The provider sign-in uses: the environment's, else the one an admin set on /admin/sign-in, else none. */
export function providerSettings(c: Context<AppEnv>): OidcSettings | null {
  return effectiveProvider(c.get('services').db, c.get('config')).settings;
}

/** What the login page offers: the provider's button, the password form, or the admins' break-glass form. */
export type LoginChoices = { provider?: { brand: string }; passwordForm: boolean; breakGlass: boolean };

/** `local`: the `local` query or field; `1` asks for the break-glass form when OIDC_ONLY is set. */
export function loginChoices(c: Context<AppEnv>, local: string | undefined): LoginChoices {
  const settings = providerSettings(c);
  if (!settings) return { passwordForm: true, breakGlass: false };
  const provider = { brand: c.get('site').name };
  if (!settings.only) return { provider, passwordForm: true, breakGlass: false };
  return { provider, passwordForm: local === '1', breakGlass: local === '1' };
}

/**
 * With OIDC_ONLY, local sign-up and password sign-in are refused with a page that points to the
 * provider; only the break-glass form (`local=1`, administrators only) still takes a password.
 */
export function localOnlyRefusal(c: Context<AppEnv>, what: 'signup' | 'login', breakGlass = false) {
  const settings = providerSettings(c);
  if (!settings?.only || (what === 'login' && breakGlass)) return null;
  c.header('Cache-Control', 'private, no-store');
  const brand = c.get('site').name;
  const message = what === 'signup' ? msg('oidc.signupAtProvider', { brand }) : msg('oidc.passwordSignInOff', { brand });
  return renderError(c, 403, message, { back: { href: '/auth/oidc/start', label: c.get('i18n').t('oidc.signInWith', { brand }) } });
}

/** A password sign-in replaces a provider one: its ID token must not send the next sign-out to the provider. */
export function forgetProviderSignIn(c: Context<AppEnv>): void {
  if (oidcCookies.idToken(c) !== undefined) oidcCookies.clearIdToken(c, c.get('config').secureCookies);
}

/** Whether POST /logout continues at GET /auth/oidc/logout: the member signed in through the provider. */
export function signsOutAtProvider(c: Context<AppEnv>): boolean {
  return oidcCookies.idToken(c) !== undefined && providerSettings(c) !== null;
}

/**
 * Where sign-out continues when the member signed in through the provider and it has an
 * end_session_endpoint: there, with the ID token as `id_token_hint`, and back to the community.
 * Null otherwise (a provider that cannot be reached does not keep anyone signed in here).
 */
export async function providerLogoutUrl(c: Context<AppEnv>): Promise<string | null> {
  const config = c.get('config');
  const settings = providerSettings(c);
  const idToken = oidcCookies.idToken(c);
  if (!settings || !idToken) return null;
  oidcCookies.clearIdToken(c, config.secureCookies);
  try {
    const provider = await providerConfiguration(settings, c.get('services').now());
    if (!provider.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(provider, { id_token_hint: idToken, post_logout_redirect_uri: `${config.baseUrl}/` }).href;
  } catch (error) {
    c.get('log')('Sign-out at the identity provider skipped: it did not answer', error);
    return null;
  }
}

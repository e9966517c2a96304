import { Hono, type Context } from 'hono';
import { providerConfiguration, ProviderUnreachable } from '../auth/oidc-client.js';
import { effectiveProvider, saveProviderSettings } from '../auth/oidc-stored.js';
import { getSetting } from '../db/settings.js';
import { ValidationError } from '../lib/errors.js';
import { oidcSettingsPage, type ProviderStatus } from '../../views/pages/oidc-settings.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { OIDC_CALLBACK_PATH } from './oidc.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// Admin → Sign-in provider (/admin/sign-in): the provider's status, and its issuer, client id and
// secret when the environment does not set them (ADR 0048). The secret is write-only.

const PAGE = '/admin/sign-in';

type Sent = { values: { issuer: string; clientId: string }; errors: Record<string, string | undefined> };

async function render(c: Context<AppEnv>, sent?: Sent) {
  const i18n = c.get('i18n');
  const { db, now } = c.get('services');
  const config = c.get('config');
  const { settings, source } = effectiveProvider(db, config);
  let status: ProviderStatus = null;
  if (settings) {
    try {
      const provider = await providerConfiguration(settings, now());
      status = { reachable: true, endSession: Boolean(provider.serverMetadata().end_session_endpoint) };
    } catch (error) {
      if (!(error instanceof ProviderUnreachable)) throw error;
      status = { reachable: false, endSession: false };
    }
  }
  const secretSet = source === 'environment' ? Boolean(settings?.clientSecret) : Boolean(getSetting(db, 'oidc.client_secret'));
  const page = oidcSettingsPage({
    i18n,
    source,
    values: sent?.values ?? { issuer: settings?.issuer ?? '', clientId: settings?.clientId ?? '' },
    secretSet,
    options: { only: Boolean(settings?.only), roles: Boolean(settings?.roleClaim) },
    status,
    urls: { redirect: `${config.baseUrl}${OIDC_CALLBACK_PATH}`, logout: `${config.baseUrl}/` },
    errors: sent?.errors ?? {},
  });
  const notice = !sent && c.req.query('done') === 'saved' ? i18n.t('oidcAdmin.saved') : undefined;
  return renderPage(c, page, { title: i18n.t('oidcAdmin.heading'), ...(notice ? { notice } : {}) }, sent ? 422 : 200);
}

export const oidcAdminRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .get(PAGE, (c) => render(c))
  .post(PAGE, async (c) => {
    const form = await readForm(c);
    const input = { issuer: form['issuer'] ?? '', clientId: form['clientId'] ?? '', clientSecret: form['clientSecret'] ?? '' };
    try {
      saveProviderSettings(c.get('services'), c.get('viewer'), c.get('config'), input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, { values: { issuer: input.issuer, clientId: input.clientId }, errors: fieldTexts(c, error.fields) });
    }
    return c.redirect(`${PAGE}?done=saved`, 303);
  });

import * as client from 'openid-client';
import { isLoopbackHttp, type OidcSettings } from './oidc-settings.js';

/** How long discovery and token requests may take before the provider counts as unreachable. */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** A failed discovery is retried after this long, not on every click while the provider is down. */
const RETRY_AFTER_FAILURE_MS = 15_000;
/** Metadata is fetched again after this long, so keys and endpoints the provider rotates are picked up. */
const REFRESH_AFTER_MS = 60 * 60_000;

/** The provider could not be asked (down, slow, or its discovery document is wrong). */
export class ProviderUnreachable extends Error {}

type Cached = { at: number; configuration: Promise<client.Configuration> };

// One discovery per process and settings: each sign-in would otherwise cost a round trip first.
const cache = new Map<string, Cached>();

function discover(settings: OidcSettings): Promise<client.Configuration> {
  const auth = settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None();
  const execute = isLoopbackHttp(settings.issuer) ? [client.allowInsecureRequests] : [];
  return client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret || undefined, auth, { timeout: PROVIDER_TIMEOUT_SECONDS, execute });
}

/** The client configuration for the provider, discovered once and kept (a failure is kept briefly). */
export async function providerConfiguration(settings: OidcSettings, now = Date.now()): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId} ${settings.clientSecret}`;
  const cached = cache.get(key);
  if (!cached || now - cached.at > REFRESH_AFTER_MS) {
    const entry: Cached = { at: now, configuration: discover(settings) };
    cache.set(key, entry);
    entry.configuration.catch(() => {
      // Forget the failure after a while, so the next sign-in asks the provider again.
      entry.at = now - REFRESH_AFTER_MS + RETRY_AFTER_FAILURE_MS;
    });
  }
  try {
    return await cache.get(key)!.configuration;
  } catch (error) {
    throw new ProviderUnreachable(`The identity provider at ${settings.issuer} did not answer discovery: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Forgets every discovered provider (tests start providers on new ports). */
export function forgetProviders(): void {
  cache.clear();
}

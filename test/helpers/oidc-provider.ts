import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcSettings } from '../../src/auth/oidc-settings.js';

// A real OpenID provider (oidc-provider, the certified Node implementation) on a loopback port,
// with its development sign-in form: any login name signs in as the account of that name.

export type ProviderAccount = { email?: string; email_verified?: boolean; preferred_username?: string; name?: string; groups?: string[] };

export type TestProvider = {
  issuer: string;
  /** Registers Hearth's callback and home page (its BASE_URL) and starts answering. */
  serve: (communityBase: string) => void;
  /** Accounts by login name; tests change them between sign-ins (a group removed, an address verified). */
  accounts: Map<string, ProviderAccount>;
  settings: (overrides?: Partial<OidcSettings>) => OidcSettings;
  close: () => Promise<void>;
};

export const CLIENT_ID = 'hearth';
export const CLIENT_SECRET = 'hearth-client-secret-for-tests-only';
/** Registered at the provider with the same redirect URI, to try a code issued to another client. */
export const OTHER_CLIENT_ID = 'another-app';

/** `communityBase`: Hearth's BASE_URL, whose callback and home page the clients register. */
export async function startProvider(communityBase: string): Promise<TestProvider> {
  const provider = await openProvider();
  provider.serve(communityBase);
  return provider;
}

/**
 * A provider listening (its issuer known) that answers once `serve` names the community's
 * BASE_URL: a browser test's forum learns its port only after it is configured with the issuer.
 */
export async function openProvider(): Promise<TestProvider> {
  let handler: RequestListener | undefined;
  const server: Server = createServer((request, response) => handler?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, ProviderAccount>();
  const serve = (communityBase: string) => {
    handler = providerFor(issuer, communityBase, accounts).callback();
  };
  return {
    issuer,
    serve,
    accounts,
    settings: (overrides = {}) => ({ issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, only: false, trustEmail: false, roleClaim: null, ...overrides }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The provider itself: Hearth's client and another one registered with the same redirect URI. */
function providerFor(issuer: string, communityBase: string, accounts: Map<string, ProviderAccount>): Provider {
  const client = (id: string) => ({
    client_id: id,
    client_secret: `${CLIENT_SECRET}${id === CLIENT_ID ? '' : '-other'}`,
    redirect_uris: [`${communityBase}/auth/oidc/callback`],
    post_logout_redirect_uris: [`${communityBase}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  return new Provider(issuer, {
    clients: [client(CLIENT_ID), client(OTHER_CLIENT_ID)],
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name', 'groups'] },
    // Claims in the ID token itself, as most providers send them for these scopes.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true, logoutSource } },
    // First-party client: no consent screen, as a brand's own provider is set up.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
}

type ProviderContext = { oidc: { provider: { Grant: new (init: object) => { addOIDCScope(scope: string): void; save(): Promise<string> } }; client: { clientId: string }; session: { accountId: string } } };

/** The provider's sign-out question without its web font (the tests stay off the network). */
function logoutSource(ctx: { body: string }, form: string): void {
  ctx.body = `<!DOCTYPE html><html><head><title>Sign out</title></head><body><h1>Sign out of the provider?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
}

/** Cookies of one browser at the provider, kept across requests by fetch. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in at the provider as `login`, the way a browser would follow its redirects and submit
 * its sign-in form, from the authorization URL Hearth redirected to; returns the callback URL
 * the provider sends the browser back to (not followed).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 10; step += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) return next;
      url = next;
      continue;
    }
    const page = await response.text();
    if (!page.includes('name="login"')) throw new Error(`unexpected provider page (${response.status}): ${page.slice(0, 300)}`);
    const submitted = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
    });
    jar.take(submitted);
    url = new URL(submitted.headers.get('location')!, url);
  }
  throw new Error('the provider never redirected back');
}

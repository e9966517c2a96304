import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import { canConfigure } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, Unauthenticated } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { isLoopbackHttp, type OidcSettings } from './oidc-settings.js';

// The provider an admin set on /admin/sign-in, in the settings table. The environment (OIDC_ISSUER)
// wins whenever it is set; the options OIDC_ONLY, OIDC_ROLE_CLAIM and OIDC_TRUST_EMAIL are the
// environment's alone (they change who can get in, which an operator decides).

const KEYS = { issuer: 'oidc.issuer', clientId: 'oidc.client_id', clientSecret: 'oidc.client_secret' } as const;

export type ProviderSource = 'environment' | 'admin' | 'none';

/** The provider sign-in uses now, and where its settings come from. One indexed read when the environment sets none. */
export function effectiveProvider(db: Db, config: Pick<Config, 'oidc'>): { settings: OidcSettings | null; source: ProviderSource } {
  if (config.oidc) return { settings: config.oidc, source: 'environment' };
  const issuer = getSetting(db, KEYS.issuer);
  const clientId = getSetting(db, KEYS.clientId);
  if (!issuer || !clientId) return { settings: null, source: 'none' };
  const settings = { issuer, clientId, clientSecret: getSetting(db, KEYS.clientSecret) ?? '', only: false, trustEmail: false, roleClaim: null };
  return { settings, source: 'admin' };
}

function issuerError(issuer: string) {
  try {
    const url = new URL(issuer);
    return url.protocol === 'https:' || isLoopbackHttp(issuer) ? undefined : msg('oidcAdmin.issuerInvalid');
  } catch {
    return msg('oidcAdmin.issuerInvalid');
  }
}

/** An admin sets the issuer, client id and (write-only: empty keeps it) secret; audited without the secret. */
export function saveProviderSettings(ctx: ServiceContext, viewer: Viewer, config: Pick<Config, 'oidc'>, input: { issuer: string; clientId: string; clientSecret: string }): void {
  if (viewer === null) throw new Unauthenticated();
  if (!canConfigure(viewer)) throw new Forbidden(msg('mod.adminsOnly'));
  if (config.oidc) throw new Conflict(msg('oidcAdmin.envWins'));
  const issuer = input.issuer.trim();
  const clientId = input.clientId.trim();
  assertValid({ issuer: issuerError(issuer), clientId: clientId.length === 0 || clientId.length > 200 ? msg('oidcAdmin.clientIdMissing') : undefined });
  ctx.db.transaction((tx) => {
    setSetting(tx, KEYS.issuer, issuer);
    setSetting(tx, KEYS.clientId, clientId);
    if (input.clientSecret !== '') setSetting(tx, KEYS.clientSecret, input.clientSecret);
    recordModAction(tx, { actorId: viewer.id, action: 'sign_in_settings', details: { issuer, clientId, secretChanged: input.clientSecret !== '' }, at: ctx.now() });
  });
}

import { roles, type Role } from '../db/schema.js';

/**
 * The brand's OpenID Connect provider, from the environment (OIDC_*). Null in Config when
 * OIDC_ISSUER is unset: Hearth then has only its own accounts.
 */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  /** Empty for a public client (PKCE alone, token endpoint auth `none`). */
  clientSecret: string;
  /** OIDC_ONLY: no local sign-up or password sign-in, except the admins' break-glass path. */
  only: boolean;
  /** OIDC_TRUST_EMAIL: link a verified address to the local account that owns it without its password. */
  trustEmail: boolean;
  /** OIDC_ROLE_CLAIM; null leaves roles to the admins. */
  roleClaim: RoleClaim | null;
};

/** `groups:community-managers=manager,community-admins=admin` → claim `groups`, value → role. */
export type RoleClaim = { claim: string; roles: ReadonlyMap<string, Role> };

/** Parses OIDC_ROLE_CLAIM; an Error says what is wrong, in English (operators read it at start). */
export function parseRoleClaim(value: string): RoleClaim | Error {
  const colon = value.indexOf(':');
  const claim = colon > 0 ? value.slice(0, colon).trim() : '';
  if (!claim) return new Error('must name a claim and its values, such as groups:community-managers=manager,community-admins=admin');
  const mapped = new Map<string, Role>();
  for (const pair of value.slice(colon + 1).split(',')) {
    const [claimValue, role, extra] = pair.split('=').map((part) => part.trim());
    if (!claimValue || !role || extra !== undefined) return new Error(`"${pair.trim()}" must be claimValue=role, such as community-managers=manager`);
    if (!(roles as readonly string[]).includes(role)) return new Error(`"${role}" is not a role; use one of ${roles.join(', ')}`);
    mapped.set(claimValue, role as Role);
  }
  return { claim, roles: mapped };
}

const rank: Record<Role, number> = { member: 0, manager: 1, admin: 2 };

/**
 * The role a sign-in's claims give: the highest mapped value the claim holds (a string or a list
 * of strings, as providers send groups), else member. Null when no role claim is configured.
 */
export function roleFromClaims(roleClaim: RoleClaim | null, claims: Record<string, unknown>): Role | null {
  if (!roleClaim) return null;
  const raw = claims[roleClaim.claim];
  const values = Array.isArray(raw) ? raw : [raw];
  let role: Role = 'member';
  for (const value of values) {
    const mapped = typeof value === 'string' ? roleClaim.roles.get(value) : undefined;
    if (mapped && rank[mapped] > rank[role]) role = mapped;
  }
  return role;
}

/** Plain http is accepted only for a provider on this machine (tests, a local Keycloak). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

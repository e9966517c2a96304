import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { desc, eq } from 'drizzle-orm';
import { apiKeys, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { characterCount } from '../lib/text.js';
import { recordModAction } from '../moderation/audit.js';
import { canManageEmbedding } from './permissions.js';
import { hashSecret } from '../lib/secret-hash.js';

// API keys for brands' servers follow the session design (src/auth/session.ts): the key is
// `id.secret`, only SHA-256 of the secret is stored, the id finds the row and the hashes are
// compared in constant time. The whole key is shown once, when it is created.

export type ApiScope = 'embed';
export type ApiKeySummary = {
  id: string;
  name: string;
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};
/** Who is calling: the key and the admin on whose behalf it acts. */
export type ApiPrincipal = { keyId: string; scope: string; createdById: number | null };

/** lastUsedAt is written at most this often, so busy integrations do not write on every call. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const API_KEY_NAME_MAX = 60;

function randomPart(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function assertAdmin(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (viewer === null) throw new Unauthenticated(msg('embed.apiKey.logIn'));
  if (!canManageEmbedding(viewer)) throw new Forbidden(msg('embed.apiKey.adminsOnly'));
}

export function createApiKey(ctx: ServiceContext, viewer: Viewer, input: { name: unknown }): { id: string; name: string; token: string } {
  const name = typeof input.name === 'string' ? input.name.normalize('NFC').trim() : '';
  assertValid({
    name: name === '' ? msg('embed.apiKey.nameMissing') : characterCount(name) > API_KEY_NAME_MAX ? msg('embed.apiKey.nameTooLong', { max: API_KEY_NAME_MAX }) : undefined,
  });
  assertAdmin(viewer);
  // "hk_" makes a leaked key recognisable in logs and by secret scanners.
  const id = `hk_${randomPart(10)}`;
  const secret = randomPart(20);
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.insert(apiKeys).values({ id, name, secretHash: hashSecret(secret), scope: 'embed', createdById: viewer.id, createdAt: now }).run();
    recordModAction(tx, { actorId: viewer.id, action: 'api_key_created', details: { keyId: id, name, scope: 'embed' }, at: now });
  });
  return { id, name, token: `${id}.${secret}` };
}

export function listApiKeys(ctx: ServiceContext, viewer: Viewer): ApiKeySummary[] {
  assertAdmin(viewer);
  return ctx.db
    .select({ id: apiKeys.id, name: apiKeys.name, createdBy: users.username, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .all();
}

/** Revoking is final and idempotent: a revoked key never works again. */
export function revokeApiKey(ctx: ServiceContext, viewer: Viewer, input: { id: string }): void {
  assertAdmin(viewer);
  const key = ctx.db.select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, input.id)).get();
  if (!key) throw new NotFound(msg('embed.apiKey.notFound'));
  if (key.revokedAt !== null) return;
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id)).run();
    recordModAction(tx, { actorId: viewer.id, action: 'api_key_revoked', details: { keyId: key.id, name: key.name }, at: now });
  });
}

const BAD_KEY = msg('embed.apiKey.bad', { header: 'Authorization: Bearer <key>', page: '/admin/embedding' });

/** Checks an `Authorization: Bearer id.secret` header; 401 for a missing, wrong or revoked key, 403 for another scope. */
export function authenticateApiKey(ctx: ServiceContext, authorization: string | undefined, scope: ApiScope): ApiPrincipal {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  const [id, secret, extra] = token?.split('.') ?? [];
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) throw new Unauthenticated(BAD_KEY);
  const key = ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
  if (!key || !constantTimeEqual(hashSecret(secret), new Uint8Array(key.secretHash))) throw new Unauthenticated(BAD_KEY);
  if (key.revokedAt !== null) throw new Unauthenticated(msg('embed.apiKey.revoked', { page: '/admin/embedding' }));
  if (key.scope !== scope) throw new Forbidden(msg('embed.apiKey.wrongScope', { keyScope: key.scope, scope }));
  const now = ctx.now();
  if (key.lastUsedAt === null || now - key.lastUsedAt >= LAST_USED_WRITE_INTERVAL_MS) {
    ctx.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id)).run();
  }
  return { keyId: key.id, scope: key.scope, createdById: key.createdById };
}

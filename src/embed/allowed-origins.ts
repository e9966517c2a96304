import { asc, eq } from 'drizzle-orm';
import { embedOrigins, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Forbidden, Unauthenticated, ValidationError } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { lookalikeMessage, lookalikeOf, parseEmbedOrigin } from './origins.js';
import { canManageEmbedding } from './permissions.js';

// The sites allowed to frame embeds: EMBED_ORIGINS (read-only here) plus the admins' list.
// Both are checked with the same rules (./origins.ts); the environment's list is passed in
// because services never read config.

export type AllowedOrigin = { origin: string; source: 'environment' | 'admin'; createdAt: number | null; createdBy: string | null };

/** Every allowed origin, environment first; one small primary-key scan per embed request. */
export function allowedOrigins(ctx: ServiceContext, environment: readonly string[]): string[] {
  const saved = ctx.db.select({ origin: embedOrigins.origin }).from(embedOrigins).orderBy(asc(embedOrigins.origin)).all();
  return [...new Set([...environment, ...saved.map((row) => row.origin)])];
}

export function listAllowedOrigins(ctx: ServiceContext, viewer: Viewer, environment: readonly string[]): AllowedOrigin[] {
  assertManager(viewer);
  const saved = ctx.db
    .select({ origin: embedOrigins.origin, createdAt: embedOrigins.createdAt, createdBy: users.username })
    .from(embedOrigins)
    .leftJoin(users, eq(users.id, embedOrigins.createdById))
    .orderBy(asc(embedOrigins.origin))
    .all();
  return [
    ...environment.map((origin) => ({ origin, source: 'environment' as const, createdAt: null, createdBy: null })),
    ...saved.filter((row) => !environment.includes(row.origin)).map((row) => ({ ...row, source: 'admin' as const })),
  ];
}

function assertManager(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (viewer === null) throw new Unauthenticated(msg('embed.origin.logIn'));
  if (!canManageEmbedding(viewer)) throw new Forbidden(msg('embed.origin.adminsOnly'));
}

export function addEmbedOrigin(ctx: ServiceContext, viewer: Viewer, input: { origin: unknown; environment: readonly string[] }): string {
  const check = parseEmbedOrigin(typeof input.origin === 'string' ? input.origin : '');
  if (!check.ok) throw new ValidationError({ origin: check.message });
  assertManager(viewer);
  const current = allowedOrigins(ctx, input.environment);
  if (current.includes(check.origin)) throw new ValidationError({ origin: msg('embed.origin.alreadyAllowed', { origin: check.origin }) });
  const imitated = lookalikeOf(check.origin, current);
  if (imitated) throw new ValidationError({ origin: lookalikeMessage(check.origin, imitated) });
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.insert(embedOrigins).values({ origin: check.origin, createdById: viewer.id, createdAt: now }).run();
    recordModAction(tx, { actorId: viewer.id, action: 'embed_origin_added', details: { origin: check.origin }, at: now });
  });
  return check.origin;
}

export function removeEmbedOrigin(ctx: ServiceContext, viewer: Viewer, input: { origin: unknown; environment: readonly string[] }): void {
  const origin = typeof input.origin === 'string' ? input.origin.trim() : '';
  assertManager(viewer);
  if (input.environment.includes(origin)) {
    throw new ValidationError({ origin: msg('embed.origin.fromEnvironment', { origin }) });
  }
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    const removed = tx.delete(embedOrigins).where(eq(embedOrigins.origin, origin)).returning({ origin: embedOrigins.origin }).all();
    if (removed.length === 0) throw new ValidationError({ origin: origin ? msg('embed.origin.notListed', { origin }) : msg('embed.origin.emptyNotListed') });
    recordModAction(tx, { actorId: viewer.id, action: 'embed_origin_removed', details: { origin }, at: now });
  });
}

import { asc, eq, gt, lt, desc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { ideaStatuses, threads } from '../db/schema.js';
import { canEditIdeaStatuses } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, NotFound } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { INITIAL_STATUS_KEY, isBuiltInStatus } from './status-keys.js';
import { STATUS_NAME_MAX } from './status-limits.js';

// Admin → Ideas: the statuses ideas can have. Admins rename them (a built-in one's name can be
// given back to the catalogs), reorder them, add their own, mark them open or closed, and remove
// those no idea has. Each change is audited; the triggers of migration 0023 refresh the pages of
// ideas that show a changed status.


type StatusRow = typeof ideaStatuses.$inferSelect;

function nameOf(value: unknown): string {
  return normalizeText(value).trim();
}

function nameError(name: string) {
  return name.length < 1 || name.length > STATUS_NAME_MAX ? msg('admin.ideas.nameLength') : undefined;
}

/** Runs `change` for an admin in one transaction, with an audit entry saying what changed. */
function asAdmin<T>(ctx: ServiceContext, viewer: Viewer, details: Record<string, unknown>, change: (tx: Tx) => T): T {
  if (!canEditIdeaStatuses(viewer)) throw new Forbidden(msg('category.adminsOnly'));
  return ctx.db.transaction(
    (tx) => {
      const result = change(tx);
      recordModAction(tx, { actorId: viewer!.id, action: 'idea_statuses', details, at: ctx.now() });
      return result;
    },
    { behavior: 'immediate' },
  );
}

function load(tx: Db | Tx, statusId: number): StatusRow {
  const row = tx.select().from(ideaStatuses).where(eq(ideaStatuses.id, statusId)).get();
  if (!row) throw new NotFound(msg('admin.ideas.notFound'));
  return row;
}

/** A new name; empty gives a built-in status its catalog name back. */
export function renameIdeaStatus(ctx: ServiceContext, viewer: Viewer, input: { statusId: number; name: unknown }): void {
  const name = nameOf(input.name);
  const status = load(ctx.db, input.statusId);
  assertValid({ name: name === '' && isBuiltInStatus(status.key) ? undefined : nameError(name) });
  asAdmin(ctx, viewer, { status: status.key, name: name || null }, (tx) => tx.update(ideaStatuses).set({ name: name || null }).where(eq(ideaStatuses.id, status.id)).run());
}

/** Swaps the status with its neighbour above or below. */
export function moveIdeaStatus(ctx: ServiceContext, viewer: Viewer, input: { statusId: number; direction: unknown }): void {
  const up = input.direction === 'up';
  asAdmin(ctx, viewer, { moved: input.statusId, direction: up ? 'up' : 'down' }, (tx) => {
    const status = load(tx, input.statusId);
    const neighbour = tx
      .select()
      .from(ideaStatuses)
      .where(up ? lt(ideaStatuses.position, status.position) : gt(ideaStatuses.position, status.position))
      .orderBy(up ? desc(ideaStatuses.position) : asc(ideaStatuses.position))
      .limit(1)
      .get();
    if (!neighbour) return;
    tx.update(ideaStatuses).set({ position: neighbour.position }).where(eq(ideaStatuses.id, status.id)).run();
    tx.update(ideaStatuses).set({ position: status.position }).where(eq(ideaStatuses.id, neighbour.id)).run();
  });
}

export function setIdeaStatusOpen(ctx: ServiceContext, viewer: Viewer, input: { statusId: number; open: unknown }): void {
  const open = input.open === '1';
  asAdmin(ctx, viewer, { status: input.statusId, open }, (tx) => tx.update(ideaStatuses).set({ open }).where(eq(ideaStatuses.id, load(tx, input.statusId).id)).run());
}

/** A key for URLs and styles: the name's Latin letters and digits, else `status-N`; unique. */
function newKey(tx: Tx, name: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'status';
  for (let suffix = 1; ; suffix++) {
    const key = suffix === 1 && base !== 'status' ? base : `${base}_${suffix}`;
    if (!tx.select({ id: ideaStatuses.id }).from(ideaStatuses).where(eq(ideaStatuses.key, key)).get()) return key;
  }
}

export function addIdeaStatus(ctx: ServiceContext, viewer: Viewer, input: { name: unknown; open: unknown }): void {
  const name = nameOf(input.name);
  assertValid({ name: nameError(name) });
  asAdmin(ctx, viewer, { added: name }, (tx) => {
    const last = tx.select({ position: sql<number>`coalesce(max(${ideaStatuses.position}), -1)` }).from(ideaStatuses).get();
    tx.insert(ideaStatuses).values({ key: newKey(tx, name), name, position: (last?.position ?? -1) + 1, open: input.open === '1', createdAt: ctx.now() }).run();
  });
}

/** Only a status no idea has, and never the one new ideas get. */
export function removeIdeaStatus(ctx: ServiceContext, viewer: Viewer, input: { statusId: number }): void {
  asAdmin(ctx, viewer, { removed: input.statusId }, (tx) => {
    const status = load(tx, input.statusId);
    if (status.key === INITIAL_STATUS_KEY) throw new Conflict(msg('admin.ideas.initial'));
    const count = tx.select({ count: sql<number>`count(*)` }).from(threads).where(eq(threads.ideaStatusId, status.id)).get()?.count ?? 0;
    if (count > 0) throw new Conflict(msg('admin.ideas.inUse', { count }));
    tx.delete(ideaStatuses).where(eq(ideaStatuses.id, status.id)).run();
  });
}

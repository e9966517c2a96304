import { eq } from 'drizzle-orm';
import { usernameKey } from '../auth/accounts.js';
import { invalidateUserSessions } from '../auth/session.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { canSanction, isCommunityWideStaff } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, NotFound } from '../lib/errors.js';
import { notify } from '../notifications/notify.js';
import { recordModAction } from './audit.js';
import { REASON_MAX } from './queue-actions.js';
import { UNTIL_LIFTED } from './sanction-end.js';
import { requireStaff } from './staff.js';

// Silence (read and sign in, but not post or flag) and suspension (signed out everywhere, cannot
// sign in). Both are end timestamps compared with now, so they lapse by themselves; lifting one
// early clears it. A suspension can also last until lifted (src/moderation/sanction-end.ts).

export const SANCTION_DAYS_MAX = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SanctionKind = 'silence' | 'suspend';

const columns = {
  silence: { until: 'silencedUntil', reason: 'silenceReason', lifted: 'unsilence', notice: 'silenced', noun: 'silence' },
  suspend: { until: 'suspendedUntil', reason: 'suspendReason', lifted: 'unsuspend', notice: 'suspended', noun: 'suspension' },
} as const;

function loadTarget(ctx: ServiceContext, viewer: Viewer, username: string) {
  const actor = requireStaff(viewer);
  const target = ctx.db
    .select({ id: users.id, username: users.username, role: users.role, silencedUntil: users.silencedUntil, suspendedUntil: users.suspendedUntil })
    .from(users)
    .where(eq(users.usernameKey, usernameKey(username)))
    .get();
  if (!target) throw new NotFound(msg('members.notFound'));
  if (!canSanction(actor, target)) throw new Forbidden(sanctionRefusal(actor, target));
  return { actor, target };
}

/** Says which rule applies, so the manager knows whom to ask instead (also shown on the member page). */
export function sanctionRefusal(actor: SignedIn, target: { id: number; role: string }): Message {
  if (actor.id === target.id) return msg('sanction.refusedSelf');
  if (target.role === 'admin') return msg('sanction.refusedAdmin');
  if (!isCommunityWideStaff(actor)) return msg('sanction.refusedScoped');
  return msg('sanction.refusedManager');
}

export function parseDays(value: unknown): number | null {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!/^[0-9]{1,3}$/.test(text)) return null;
  const days = Number(text);
  return days >= 1 && days <= SANCTION_DAYS_MAX ? days : null;
}

/** A suspension may also last until lifted (`days` = "lifted"); a silence always has an end. */
function untilLifted(kind: SanctionKind, days: unknown): boolean {
  return kind === 'suspend' && days === 'lifted';
}

export function sanctionMember(ctx: ServiceContext, viewer: Viewer, input: { username: string; kind: SanctionKind; days: unknown; reason: unknown }) {
  const lifted = untilLifted(input.kind, input.days);
  const days = lifted ? null : parseDays(input.days);
  const reason = normalizeText(input.reason).trim();
  assertValid({
    days: days === null && !lifted ? msg('sanction.daysInvalid', { max: SANCTION_DAYS_MAX }) : undefined,
    reason: reason.length === 0 ? msg('sanction.reasonMissing') : reason.length > REASON_MAX ? msg('mod.reasonTooLong', { max: REASON_MAX }) : undefined,
  });
  const { actor, target } = loadTarget(ctx, viewer, input.username);
  const column = columns[input.kind];
  const now = ctx.now();
  const until = lifted ? UNTIL_LIFTED : now + days! * DAY_MS;
  ctx.db.transaction(
    (tx) => {
      tx.update(users).set({ [column.until]: until, [column.reason]: reason }).where(eq(users.id, target.id)).run();
      // Suspension signs the member out everywhere at once, in the same transaction.
      if (input.kind === 'suspend') invalidateUserSessions(tx as unknown as Db, target.id);
      recordModAction(tx, { actorId: actor.id, action: input.kind, targetUserId: target.id, reason, details: lifted ? { untilLifted: true } : { days, until }, at: now });
      notify(tx, { userId: target.id, kind: column.notice, actorId: actor.id, data: { reason, until }, at: now });
    },
    { behavior: 'immediate' },
  );
  return { username: target.username, until };
}

export function liftSanction(ctx: ServiceContext, viewer: Viewer, input: { username: string; kind: SanctionKind; reason?: unknown }) {
  const reason = normalizeText(input.reason).trim().slice(0, REASON_MAX) || null;
  const { actor, target } = loadTarget(ctx, viewer, input.username);
  const column = columns[input.kind];
  const now = ctx.now();
  const until = target[column.until];
  if (until === null || until <= now) throw new Conflict(msg('sanction.nothingToLift', { username: target.username, kind: input.kind }));
  ctx.db.transaction(
    (tx) => {
      tx.update(users).set({ [column.until]: null, [column.reason]: null }).where(eq(users.id, target.id)).run();
      recordModAction(tx, { actorId: actor.id, action: column.lifted, targetUserId: target.id, reason, details: { wasUntil: until }, at: now });
      notify(tx, { userId: target.id, kind: 'sanction_lifted', actorId: actor.id, data: { sanction: column.noun, ...(reason ? { reason } : {}) }, at: now });
    },
    { behavior: 'immediate' },
  );
  return { username: target.username };
}

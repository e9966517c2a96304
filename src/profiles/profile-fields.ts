import { asc, count, eq, max } from 'drizzle-orm';
import { profileFields, profileFieldValues } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound, ValidationError, assertValid } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { requireConfigurer } from '../moderation/staff.js';
import { fieldLabelError, normalizeProfileText } from './profile-text.js';

// Admin → Profile fields: questions every member may answer on their profile ("Which bike do you
// ride?"). Removing one removes every member's answer to it (ON DELETE CASCADE); the page asks first.

export const PROFILE_FIELDS_MAX = 20;

export type ProfileFieldSettings = { id: number; label: string; position: number; answers: number };

export function listProfileFields(ctx: ServiceContext, viewer: Viewer): ProfileFieldSettings[] {
  requireConfigurer(viewer);
  const answers = new Map(
    ctx.db.select({ fieldId: profileFieldValues.fieldId, answers: count() }).from(profileFieldValues).groupBy(profileFieldValues.fieldId).all().map((row) => [row.fieldId, row.answers]),
  );
  return ctx.db
    .select({ id: profileFields.id, label: profileFields.label, position: profileFields.position })
    .from(profileFields)
    .orderBy(asc(profileFields.position), asc(profileFields.id))
    .all()
    .map((field) => ({ ...field, answers: answers.get(field.id) ?? 0 }));
}

export function addProfileField(ctx: ServiceContext, viewer: Viewer, input: { label: unknown }): void {
  const actor = requireConfigurer(viewer);
  const label = normalizeProfileText(input.label);
  assertValid({ label: fieldLabelError(label) });
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const existing = tx.select({ fields: count(), last: max(profileFields.position) }).from(profileFields).get();
      if ((existing?.fields ?? 0) >= PROFILE_FIELDS_MAX) throw new ValidationError({ label: msg('admin.profileFields.tooMany', { max: PROFILE_FIELDS_MAX }) });
      const row = tx.insert(profileFields).values({ label, position: (existing?.last ?? -1) + 1, createdAt: now }).returning({ id: profileFields.id }).get();
      recordModAction(tx, { actorId: actor.id, action: 'profile_field_add', details: { id: row.id, label }, at: now });
    },
    { behavior: 'immediate' },
  );
}

function findField(ctx: ServiceContext, fieldId: number) {
  const field = ctx.db.select().from(profileFields).where(eq(profileFields.id, fieldId)).get();
  if (!field) throw new NotFound(msg('admin.profileFields.gone'));
  return field;
}

export function renameProfileField(ctx: ServiceContext, viewer: Viewer, input: { fieldId: number; label: unknown }): void {
  const actor = requireConfigurer(viewer);
  const label = normalizeProfileText(input.label);
  assertValid({ label: fieldLabelError(label) });
  const field = findField(ctx, input.fieldId);
  ctx.db.transaction(
    (tx) => {
      tx.update(profileFields).set({ label }).where(eq(profileFields.id, field.id)).run();
      recordModAction(tx, { actorId: actor.id, action: 'profile_field_rename', details: { id: field.id, from: field.label, to: label }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
}

/** Swaps a field with its neighbour above or below; positions are renumbered 0…n-1. */
export function moveProfileField(ctx: ServiceContext, viewer: Viewer, input: { fieldId: number; direction: unknown }): void {
  const actor = requireConfigurer(viewer);
  if (input.direction !== 'up' && input.direction !== 'down') throw new ValidationError({ direction: msg('admin.categories.directionInvalid') }, msg('admin.categories.directionInvalid'));
  const order = listProfileFields(ctx, viewer);
  const index = order.findIndex((field) => field.id === input.fieldId);
  if (index < 0) throw new NotFound(msg('admin.profileFields.gone'));
  const other = input.direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= order.length) return;
  const ids = order.map((field) => field.id);
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  ctx.db.transaction(
    (tx) => {
      ids.forEach((id, position) => tx.update(profileFields).set({ position }).where(eq(profileFields.id, id)).run());
      recordModAction(tx, { actorId: actor.id, action: 'profile_field_move', details: { id: input.fieldId, label: order[index]!.label, direction: input.direction }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
}

/** Removes the field and every member's answer to it. */
export function removeProfileField(ctx: ServiceContext, viewer: Viewer, input: { fieldId: number }): void {
  const actor = requireConfigurer(viewer);
  const field = findField(ctx, input.fieldId);
  ctx.db.transaction(
    (tx) => {
      tx.delete(profileFields).where(eq(profileFields.id, field.id)).run();
      recordModAction(tx, { actorId: actor.id, action: 'profile_field_remove', details: { id: field.id, label: field.label }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
}

export function profileFieldForRemoval(ctx: ServiceContext, viewer: Viewer, fieldId: number): ProfileFieldSettings {
  requireConfigurer(viewer);
  const found = listProfileFields(ctx, viewer).find((field) => field.id === fieldId);
  if (!found) throw new NotFound(msg('admin.profileFields.gone'));
  return found;
}

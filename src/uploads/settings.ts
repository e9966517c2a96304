import type { Db } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { requireConfigurer } from '../moderation/staff.js';

/** Admin → Appearance's choice: animated GIFs stay animated ('1', the default) or become a still ('0'). */
const KEEP_ANIMATION_KEY = 'uploads_keep_animation';

export function keepsAnimation(db: Db): boolean {
  return getSetting(db, KEEP_ANIMATION_KEY) !== '0';
}

/** Admins only; applies to images uploaded from now on (stored files are never re-encoded). */
export function chooseAnimatedImages(ctx: ServiceContext, viewer: Viewer, keep: boolean): void {
  requireConfigurer(viewer);
  setSetting(ctx.db, KEEP_ANIMATION_KEY, keep ? '1' : '0');
}

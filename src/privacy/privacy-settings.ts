import { setSetting } from '../db/settings.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { requireConfigurer } from '../moderation/staff.js';
import { allowedPostChoices, POST_CHOICES_SETTING } from './delete-account.js';
import { postChoices, type PostChoice } from './erase-posts.js';

// Admin → Privacy: what a member who deletes their account may do with their posts. Some
// communities keep every post (anonymised), some let members take theirs with them; both by default.

export const postChoiceSettings = ['both', ...postChoices] as const;
export type PostChoiceSetting = (typeof postChoiceSettings)[number];

export function postChoiceSetting(ctx: ServiceContext): PostChoiceSetting {
  const allowed = allowedPostChoices(ctx.db);
  return allowed.length === 1 ? allowed[0]! : 'both';
}

export function setPostChoiceSetting(ctx: ServiceContext, viewer: Viewer, value: unknown): PostChoiceSetting {
  const admin = requireConfigurer(viewer);
  const chosen = postChoiceSettings.find((setting) => setting === value);
  assertValid({ posts: chosen ? undefined : msg('privacy.settingsChoiceMissing') });
  const previous = postChoiceSetting(ctx);
  ctx.db.transaction(
    (tx) => {
      setSetting(tx, POST_CHOICES_SETTING, chosen!);
      recordModAction(tx, { actorId: admin.id, action: 'privacy_settings', details: { from: previous, to: chosen }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return chosen!;
}

export type { PostChoice };

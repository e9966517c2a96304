import { Hono, type Context } from 'hono';
import { Conflict } from '../lib/errors.js';
import { claimThread, releaseThread } from '../moderation/claims.js';
import { threadPath } from '../lib/slug.js';
import type { AppEnv } from './env.js';
import { idParam } from './forms.js';
import { renderError } from './render.js';

// Staff claim a thread ("Maya is on it") from its staff tools, or release it: 303 back to the
// thread. Refusals (someone else's claim, not their category) are the services' typed errors,
// which the app answers with an error page that says who has it or why not.

/** Visitors sign in and come back to the thread, not to this POST-only URL. */
function signIn(c: Context<AppEnv>, threadId: number) {
  return c.redirect(`/login?next=${encodeURIComponent(`/t/${threadId}`)}`, 303);
}

export const claimRoutes = new Hono<AppEnv>()
  .post('/t/:id{[0-9]+}/claim', (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) return signIn(c, threadId);
    try {
      const thread = claimThread(c.get('services'), c.get('viewer'), { threadId });
      return c.redirect(threadPath(thread.id, thread.slug), 303);
    } catch (error) {
      // Someone else has it: say who, with the way back to the thread (where they may release it).
      if (error instanceof Conflict) return renderError(c, 409, error.text, { back: { href: `/t/${threadId}`, label: c.get('i18n').t('edit.backToThread') } });
      throw error;
    }
  })
  .post('/t/:id{[0-9]+}/release', (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) return signIn(c, threadId);
    const thread = releaseThread(c.get('services'), c.get('viewer'), { threadId });
    return c.redirect(threadPath(thread.id, thread.slug), 303);
  });

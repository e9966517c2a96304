import { Hono, type Context } from 'hono';
import { ValidationError } from '../lib/errors.js';
import { setCategoryWatch, setThreadWatch } from '../notifications/watching.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { threadPath } from '../lib/slug.js';
import { fieldTexts, renderError } from './render.js';

// The watch forms on thread and category pages: field `level`, 303 back to the page.

/** Visitors sign in and come back to the page the form was on, not to this POST-only URL. */
function signIn(c: Context<AppEnv>, back: string) {
  return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
}

function invalid(c: Context<AppEnv>, error: unknown) {
  if (error instanceof ValidationError) return renderError(c, 422, c.get('i18n').t('watch.refused', { reason: Object.values(fieldTexts(c, error.fields)).join(' ') }));
  throw error;
}

export const watchRoutes = new Hono<AppEnv>()
  .post('/t/:id{[0-9]+}/watch', async (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) return signIn(c, `/t/${threadId}`);
    const form = await readForm(c);
    try {
      const thread = setThreadWatch(c.get('services'), c.get('viewer'), { threadId, level: form['level'] });
      return c.redirect(threadPath(thread.id, thread.slug), 303);
    } catch (error) {
      return invalid(c, error);
    }
  })
  .post('/c/:slug/watch', async (c) => {
    const slug = c.req.param('slug');
    if (!c.get('viewer')) return signIn(c, `/c/${slug}`);
    const form = await readForm(c);
    try {
      const category = setCategoryWatch(c.get('services'), c.get('viewer'), { slug, level: form['level'] });
      return c.redirect(`/c/${category.slug}`, 303);
    } catch (error) {
      return invalid(c, error);
    }
  });

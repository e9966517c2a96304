import { Hono, type Context } from 'hono';
import { attachThreadKey, getThreadKeys } from '../embed/thread-keys.js';
import { threadKeyPage } from '../../views/pages/thread-key.js';
import type { AppEnv } from './env.js';
import { formErrors, type FormStatus, idParam, readForm } from './forms.js';
import { renderPage } from './render.js';

// The staff tool "attach an embed key to this thread". The form sits on the thread page for
// staff (views/components/thread-key-form.ts); this page lists the thread's keys and shows the
// form again when a key was refused. Mounted before the thread routes: /t/:id/:slug would match.

function render(c: Context<AppEnv>, threadId: number, form: { value: string; error?: string | undefined }, status: 200 | FormStatus = 200) {
  const { thread, keys } = getThreadKeys(c.get('services'), c.get('viewer'), threadId);
  // Only a key that really is attached is named in the notice, whatever the URL says.
  const attached = keys.find((entry) => entry.key === c.req.query('attached'));
  c.header('Cache-Control', 'private, no-store');
  const i18n = c.get('i18n');
  return renderPage(c, threadKeyPage({ i18n, baseUrl: c.get('site').baseUrl, thread, keys, form }), {
    title: i18n.t('threadKey.title', { title: thread.title }),
    ...(attached && status === 200 ? { notice: i18n.t('threadKey.attached', { key: attached.key }) } : {}),
  }, status);
}

function loginFirst(c: Context<AppEnv>, threadId: number) {
  return c.redirect(`/login?next=${encodeURIComponent(`/t/${threadId}/embed-key`)}`, 303);
}

export const threadKeyRoutes = new Hono<AppEnv>()
  .get('/t/:id{[0-9]+}/embed-key', (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) return loginFirst(c, threadId);
    return render(c, threadId, { value: '' });
  })
  .post('/t/:id{[0-9]+}/embed-key', async (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) return loginFirst(c, threadId);
    const value = ((await readForm(c))['key'] ?? '').trim();
    try {
      const attached = attachThreadKey(c.get('services'), c.get('viewer'), { threadId, key: value });
      return c.redirect(`/t/${attached.threadId}/embed-key?attached=${encodeURIComponent(attached.key)}`, 303);
    } catch (error) {
      const { status, errors } = formErrors(error, c);
      return render(c, threadId, { value, error: errors['key'] ?? errors['form'] }, status);
    }
  });

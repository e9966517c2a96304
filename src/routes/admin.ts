import { Hono, type Context } from 'hono';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import type { FieldErrors } from '../../views/components/form.js';
import { readReviewAlertMinutes, updateReviewAlertMinutes } from '../moderation/alert-settings.js';
import { readFlagTrust, updateFlagTrust } from '../moderation/flag-trust.js';
import { requireConfigurer } from '../moderation/staff.js';
import { addWatchedWord, listWatchedWordRows, removeWatchedWord } from '../moderation/settings.js';
import { flagSettingsPage, type FlagSettingsProps, type FlagSettingsValues } from '../../views/pages/admin-flags.js';
import { watchedWordsPage } from '../../views/pages/admin-watched-words.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { renderPage, fieldTexts } from './render.js';
import { adminOnly } from './staff-guard.js';

const notices: Record<string, MessageKey> = {
  added: 'admin.watchedWords.added',
  removed: 'admin.watchedWords.removed',
  'flags-saved': 'admin.flags.saved',
  'alert-saved': 'admin.alerts.saved',
};

/** The notice a `?done=` after a redirect names, in the reader's language. */
function doneNotice(c: Context<AppEnv>): { notice: string } | Record<string, never> {
  const key = notices[c.req.query('done') ?? ''];
  return key ? { notice: c.get('i18n').t(key) } : {};
}

function renderWords(c: Context<AppEnv>, values: { word: string; action: string }, errors: FieldErrors, status: 200 | 422 = 200) {
  const after = c.req.query('after')?.slice(0, 200) || null;
  const page = listWatchedWordRows(c.get('services'), c.get('viewer'), { after });
  const i18n = c.get('i18n');
  return renderPage(c, watchedWordsPage({ i18n, ...page, isFirstPage: after === null, values, errors }), { title: i18n.t('admin.watchedWords.heading'), ...doneNotice(c) }, status);
}

type FlagsPageState = { values?: FlagSettingsValues; errors?: FieldErrors; alert?: FlagSettingsProps['alert'] };

function renderFlags(c: Context<AppEnv>, state: FlagsPageState = {}, status: 200 | 422 = 200) {
  requireConfigurer(c.get('viewer'));
  const db = c.get('services').db;
  const current = readFlagTrust(db);
  const shown = state.values ?? { threshold: String(current.threshold), minAccountAgeHours: String(current.minAccountAgeHours), requiresConfirmed: current.requiresConfirmed };
  const alert = state.alert ?? { minutes: String(readReviewAlertMinutes(db)), errors: {} };
  const i18n = c.get('i18n');
  return renderPage(c, flagSettingsPage({ i18n, values: shown, errors: state.errors ?? {}, alert }), { title: i18n.t('admin.flags.heading'), ...doneNotice(c) }, status);
}

export const adminRoutes = new Hono<AppEnv>()
  .use('/admin/*', adminOnly())
  .get('/admin/watched-words', (c) => renderWords(c, { word: '', action: '' }, {}))
  .post('/admin/watched-words', async (c) => {
    const form = await readForm(c);
    const values = { word: form['word'] ?? '', action: form['action'] ?? '' };
    try {
      addWatchedWord(c.get('services'), c.get('viewer'), values);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderWords(c, values, fieldTexts(c, error.fields), 422);
    }
    return c.redirect('/admin/watched-words?done=added', 303);
  })
  .post('/admin/watched-words/:id{[0-9]+}/remove', (c) => {
    removeWatchedWord(c.get('services'), c.get('viewer'), { id: idParam(c.req.param('id')) });
    return c.redirect('/admin/watched-words?done=removed', 303);
  })
  .get('/admin/flags', (c) => renderFlags(c))
  .post('/admin/flags', async (c) => {
    const form = await readForm(c);
    const input = { threshold: form['threshold'] ?? '', minAccountAgeHours: form['minAccountAgeHours'] ?? '', requiresConfirmed: form['requiresConfirmed'] };
    try {
      updateFlagTrust(c.get('services'), c.get('viewer'), input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = { threshold: input.threshold, minAccountAgeHours: input.minAccountAgeHours, requiresConfirmed: input.requiresConfirmed === 'on' };
      return renderFlags(c, { values, errors: fieldTexts(c, error.fields) }, 422);
    }
    return c.redirect('/admin/flags?done=flags-saved', 303);
  })
  .post('/admin/flags/review-alert', async (c) => {
    const minutes = (await readForm(c))['minutes'] ?? '';
    try {
      updateReviewAlertMinutes(c.get('services'), c.get('viewer'), { minutes });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderFlags(c, { alert: { minutes, errors: fieldTexts(c, error.fields) } }, 422);
    }
    return c.redirect('/admin/flags?done=alert-saved', 303);
  });

import { Hono, type Context } from 'hono';
import { answerableThread, BadFeedbackToken, recordFeedback, type RecordedFeedback } from '../feedback/answers.js';
import { rules } from '../lib/rate-limit.js';
import { RateLimited, ValidationError } from '../lib/errors.js';
import { threadPath } from '../lib/slug.js';
import { feedbackComment } from '../../views/components/feedback.js';
import { feedbackPage } from '../../views/pages/feedback.js';
import type { AppEnv } from './env.js';
import { fieldTexts, renderPage } from './render.js';
import { idParam, readForm, type FormErrors } from './forms.js';
import { clientAddress } from './limits.js';

// "Did this help?" on the thread page (docs/decisions/0050-feedback-tokens.md). The cached page's
// box posts only `helpful`; the answer's response — never cached — carries the signed token in the
// "What was missing?" form. static/feedback.js puts that form in place of the box; without
// JavaScript it is a small page of its own.

type Shown = { helpful: boolean; comment: string; token: string | null; errors?: FormErrors };

/** Where the answer came from: the thread page, or a frame (with its help article's key, if any). */
export type Place = { action: string; embedKey: string | null };

function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.header('accept')?.includes('application/json') ?? false;
}

function answerView(c: Context<AppEnv>, place: Place, threadId: number, thread: { title: string; slug: string }, shown: Shown, status: 200 | 400 | 422 | 429) {
  c.header('Cache-Control', 'private, no-store');
  const i18n = c.get('i18n');
  const props = { i18n, action: place.action, key: place.embedKey, ...shown };
  if (wantsJson(c)) {
    const message = shown.errors ? Object.values(shown.errors).find(Boolean) : undefined;
    return c.json({ ...(message ? { error: { message } } : {}), html: feedbackComment(props).toString() }, status);
  }
  return renderPage(c, feedbackPage({ ...props, thread: { title: thread.title, path: threadPath(threadId, thread.slug) } }), { title: i18n.t('feedback.question') }, status);
}

/** Why an answer was refused, beside the reader's comment (which is kept). */
function refusal(c: Context<AppEnv>, error: unknown): { status: 400 | 422 | 429; errors: FormErrors; keepToken: boolean } {
  const i18n = c.get('i18n');
  if (error instanceof ValidationError) return { status: 422, errors: fieldTexts(c, error.fields), keepToken: true };
  if (error instanceof BadFeedbackToken) return { status: 400, errors: { form: i18n.message(error.text) }, keepToken: false };
  if (error instanceof RateLimited) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, errors: { form: i18n.message(error.text) }, keepToken: true };
  }
  throw error;
}

/** Records the answer and shows what comes next; `placeOf` reads where it came from. */
export async function answer(c: Context<AppEnv>, threadId: number, placeOf: (form: Record<string, string>) => Place) {
  const form = await readForm(c);
  const place = placeOf(form);
  const viewer = c.get('viewer');
  const services = c.get('services');
  try {
    if (viewer === null) c.get('limits').take(`feedback:${clientAddress(c)}`, rules.feedbackPerIp);
    const recorded: RecordedFeedback = recordFeedback(services, viewer, { threadId, helpful: form['helpful'], comment: form['comment'], token: form['token'], embedKey: place.embedKey });
    return answerView(c, place, threadId, recorded.thread, { helpful: recorded.helpful, comment: recorded.comment ?? '', token: recorded.token }, 200);
  } catch (error) {
    const { status, errors, keepToken } = refusal(c, error);
    const thread = answerableThread(services.db, threadId);
    const shown = { helpful: form['helpful'] !== 'no', comment: form['comment'] ?? '', token: keepToken ? (form['token'] ?? null) : null, errors };
    return answerView(c, place, threadId, thread, shown, status);
  }
}

export const feedbackRoutes = new Hono<AppEnv>().post('/t/:id{[0-9]+}/feedback', (c) => {
  const threadId = idParam(c.req.param('id'));
  return answer(c, threadId, () => ({ action: `/t/${threadId}/feedback`, embedKey: null }));
});

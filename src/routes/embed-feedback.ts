import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { findThreadByKey, THREAD_KEY_PATTERN } from '../embed/thread-keys.js';
import { AppError } from '../lib/errors.js';
import type { AppEnv } from './env.js';
import { frameError, frameHostOrigin, frameViewer, sentFromFrame } from './embed-frame-request.js';
import { answer } from './feedback.js';
import { idParam } from './forms.js';

// "Did you find your answer?" inside a frame: the frame's script sends the box (the loader's
// sandbox allows no form submission) with the frame's embed session if there is one, else as an
// anonymous reader with the signed token, exactly as on the thread page (./feedback.ts). The
// Origin rule of the frame's other requests applies (./embed-frame-request.ts).

/** The help article's key the frame was shown for, when it really names this thread. */
export function embedKeyOf(c: Context<AppEnv>, key: string | undefined, threadId: number): string | null {
  if (!key || !THREAD_KEY_PATTERN.test(key)) return null;
  return findThreadByKey(c.get('services'), key)?.id === threadId ? key : null;
}

async function feedbackInFrame(c: Context<AppEnv>) {
  const i18n = c.get('i18n');
  if (!sentFromFrame(c)) return frameError(c, 403, i18n.t('request.crossSite'));
  const threadId = idParam(c.req.param('id'));
  // The embed session's member, or an anonymous reader: never the community's own cookie.
  c.set('viewer', frameViewer(c, frameHostOrigin(c)));
  try {
    return await answer(c, threadId, (form) => ({ action: `/embed/t/${threadId}/feedback`, embedKey: embedKeyOf(c, form['key'], threadId) }));
  } catch (error) {
    if (error instanceof AppError) return frameError(c, error.status as ContentfulStatusCode, i18n.message(error.text));
    throw error;
  }
}

export function embedFeedbackRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/embed/t/:id{[0-9]+}/feedback', feedbackInFrame);
}

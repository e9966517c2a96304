import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getPublicThread } from '../embed/read.js';
import { readArticleTitle } from '../embed/article-page.js';
import { startArticleDiscussion } from '../embed/article-discussion.js';
import { createReply } from '../forum/posts.js';
import { AppError, Unauthenticated } from '../lib/errors.js';
import { embedThread } from '../../views/embed/thread.js';
import { embedKeyOf } from './embed-feedback.js';
import { frameError, frameHostOrigin, frameViewer, sentFromFrame } from './embed-frame-request.js';
import type { AppEnv } from './env.js';
import { formErrors, idParam, readForm } from './forms.js';
import { postOnce } from './post-once.js';
import { openingWords } from './api.js';

// Replying inside the frame: the frame's script sends the reply with its embed session (bearer
// token or partitioned cookie) and gets the thread back to show, or the refusal to show beside
// the text, which stays in the box. The same createReply as the community's own form, so
// moderation, posting limits, silencing, locks and post-once tokens apply alike. Starting an
// article's discussion (src/embed/article-discussion.ts) answers the same way.

/** The thread as the frame shows it, for the script to put in place of the old one (with its help article's key). */
function threadHtml(c: Context<AppEnv>, threadId: number, key?: string): string {
  const data = getPublicThread(c.get('services'), { threadId });
  return embedThread({ ...data, i18n: c.get('i18n'), baseUrl: c.get('site').baseUrl, embedKey: embedKeyOf(c, key, threadId) }).toString();
}

function refused(c: Context<AppEnv>, error: unknown) {
  const i18n = c.get('i18n');
  if (error instanceof Unauthenticated) return frameError(c, 401, i18n.t('embedSignIn.sessionLapsed'), { signIn: true });
  if (error instanceof AppError && error.status !== 422 && error.status !== 429) return frameError(c, error.status as ContentfulStatusCode, i18n.message(error.text));
  // Invalid text, the posting limit, a busy database: the same words as the community's form.
  const { status, errors } = formErrors(error, c);
  return frameError(c, status, errors['body'] ?? errors['question'] ?? errors['url'] ?? errors['title'] ?? errors['form'] ?? i18n.t('error.correctFields'));
}

async function replyInFrame(c: Context<AppEnv>) {
  const i18n = c.get('i18n');
  if (!sentFromFrame(c)) return frameError(c, 403, i18n.t('request.crossSite'));
  const threadId = idParam(c.req.param('id'));
  const viewer = frameViewer(c, frameHostOrigin(c));
  if (viewer === null) return frameError(c, 401, i18n.t('embedSignIn.sessionLapsed'), { signIn: true });
  // The embed session's member is the viewer of this request (posting limits, post-once tokens).
  c.set('viewer', viewer);
  const form = await readForm(c);
  try {
    let status = 'published';
    await postOnce(c, form['submission'], () => '', async () => {
      status = (await createReply(c.get('services'), viewer, { threadId, body: form['body'] ?? '', submission: form['submission'] })).status;
      return '';
    });
    const notice = i18n.t(status === 'published' ? 'embedCompose.posted' : 'embedCompose.held');
    return c.json({ status, notice, html: threadHtml(c, threadId, form['key']) });
  } catch (error) {
    return refused(c, error);
  }
}

/** Starts the discussion of an article whose key has no thread yet, with the member's question. */
async function startInFrame(c: Context<AppEnv>) {
  const i18n = c.get('i18n');
  if (!sentFromFrame(c)) return frameError(c, 403, i18n.t('request.crossSite'));
  const hostOrigin = frameHostOrigin(c);
  const viewer = frameViewer(c, hostOrigin);
  if (viewer === null || hostOrigin === null) return frameError(c, 401, i18n.t('embedSignIn.sessionLapsed'), { signIn: true });
  c.set('viewer', viewer);
  const form = await readForm(c);
  const services = c.get('services');
  try {
    let started = { threadId: 0, status: 'published' };
    await postOnce(c, form['submission'], () => '', async () => {
      started = await startArticleDiscussion(services, viewer, {
        key: c.req.param('key') ?? '',
        url: form['article'],
        hostOrigin,
        question: form['question'] ?? '',
        submission: form['submission'],
        brand: { siteName: c.get('site').name },
        words: openingWords(c),
        readTitle: readArticleTitle,
      });
      return '';
    });
    const notice = i18n.t(started.status === 'published' ? 'embedCompose.posted' : 'embedCompose.held');
    return c.json({ status: started.status, notice, html: started.threadId ? threadHtml(c, started.threadId, c.req.param('key')) : null });
  } catch (error) {
    return refused(c, error);
  }
}

export function embedReplyRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/embed/t/:id{[0-9]+}/replies', replyInFrame).post('/embed/k/:key/discussion', startInFrame);
}

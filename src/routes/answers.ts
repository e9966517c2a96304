import { Hono } from 'hono';
import { acceptAnswer, unacceptAnswer } from '../forum/answers.js';
import { toggleHelpful } from '../forum/votes.js';
import type { AppEnv } from './env.js';
import { idParam, postPath } from './forms.js';

// Accepted answers and "helpful" votes: one-button forms on the thread page that act and go back
// to the post (303). The services check who is asking.

export const answerRoutes = new Hono<AppEnv>()
  .post('/p/:id{[0-9]+}/:action{(?:accept|unaccept)}', (c) => {
    const input = { postId: idParam(c.req.param('id')) };
    const location = c.req.param('action') === 'accept' ? acceptAnswer(c.get('services'), c.get('viewer'), input) : unacceptAnswer(c.get('services'), c.get('viewer'), input);
    return c.redirect(postPath(location), 303);
  })
  .post('/p/:id{[0-9]+}/helpful', (c) => {
    const result = toggleHelpful(c.get('services'), c.get('viewer'), { postId: idParam(c.req.param('id')) });
    // static/helpful.js sends the form with fetch and updates the button in place, with its new title.
    if (c.req.header('accept')?.includes('application/json')) {
      const title = c.get('i18n').t(result.voted ? 'vote.unmarkHelpful' : 'vote.markHelpful');
      return c.json({ voted: result.voted, helpfulCount: result.helpfulCount, title });
    }
    return c.redirect(postPath(result), 303);
  });

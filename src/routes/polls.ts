import { Hono, type Context } from 'hono';
import { Unauthenticated, ValidationError } from '../lib/errors.js';
import { threadPath } from '../lib/slug.js';
import type { PollForm } from '../polls/draft.js';
import { createPoll, pollFormThread, pollPlace, setPollClosed } from '../polls/polls.js';
import { surveyCsv } from '../polls/survey-csv.js';
import { votePoll } from '../polls/votes.js';
import { pollFormPage } from '../../views/pages/poll-form.js';
import type { AppEnv } from './env.js';
import { fieldErrorsText, formErrors, idParam, loginRedirect, readForm, type FormErrors, type FormStatus } from './forms.js';
import { renderError, renderPage } from './render.js';

// Polls on threads' opening posts (docs/polls.md, ADR 0051): voting and closing by plain form
// posts that answer 303 back to the thread, the "Add a poll" page, and a survey's CSV for staff.

export function pollFormOf(form: Record<string, string>): PollForm {
  const { pollQuestion, pollKind, pollOptions, pollMaxChoices, pollResults, pollPublic, pollClosesOn } = form;
  return { pollQuestion, pollKind, pollOptions, pollMaxChoices, pollResults, pollPublic, pollClosesOn };
}

function showPollForm(c: Context<AppEnv>, threadId: number, values: PollForm, errors: FormErrors, status: 200 | FormStatus) {
  const { thread, survey } = pollFormThread(c.get('services'), c.get('viewer'), threadId);
  const i18n = c.get('i18n');
  const page = pollFormPage({ i18n, thread: { id: thread.id, title: thread.title, path: threadPath(thread.id, thread.slug) }, values, errors, survey, pollCount: thread.pollCount });
  return renderPage(c, page, { title: i18n.t(thread.pollCount === 0 ? 'pollForm.heading' : 'pollForm.headingNext') }, status);
}

export const pollRoutes = new Hono<AppEnv>()
  .post('/polls/:pollId{[0-9]+}/vote', async (c) => {
    const pollId = idParam(c.req.param('pollId'));
    const body = await c.req.parseBody({ all: true });
    const chosen = ([] as unknown[]).concat(body['option'] ?? []).filter((value): value is string => typeof value === 'string');
    try {
      const thread = votePoll(c.get('services'), c.get('viewer'), { pollId, options: chosen });
      return c.redirect(`${threadPath(thread.threadId, thread.slug)}#poll-${pollId}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const i18n = c.get('i18n');
      const place = pollPlace(c.get('services').db, pollId);
      return renderError(c, 422, fieldErrorsText(i18n, error), place ? { back: { href: `${threadPath(place.threadId, place.slug)}#poll-${pollId}`, label: i18n.t('edit.backToThread') } } : {});
    }
  })
  .post('/polls/:pollId{[0-9]+}/close', async (c) => {
    const pollId = idParam(c.req.param('pollId'));
    const form = await readForm(c);
    const thread = setPollClosed(c.get('services'), c.get('viewer'), { pollId, closed: form['value'] !== '0' });
    return c.redirect(`${threadPath(thread.id, thread.slug)}#poll-${pollId}`, 303);
  })
  .get('/t/:id{[0-9]+}/polls/new', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    return showPollForm(c, idParam(c.req.param('id')), {}, {}, 200);
  })
  .post('/t/:id{[0-9]+}/polls/new', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const values = pollFormOf(await readForm(c));
    try {
      const created = createPoll(c.get('services'), c.get('viewer'), { threadId, form: values, timeZone: c.get('i18n').timeZone });
      return c.redirect(`${threadPath(created.thread.id, created.thread.slug)}#poll-${created.pollId}`, 303);
    } catch (error) {
      const { status, errors } = formErrors(error, c);
      return showPollForm(c, threadId, values, errors, status);
    }
  })
  .get('/t/:id{[0-9]+}/polls.csv', (c) => {
    const threadId = idParam(c.req.param('id'));
    if (!c.get('viewer')) throw new Unauthenticated();
    const { csv } = surveyCsv(c.get('services'), c.get('viewer'), { threadId, respondentHeading: c.get('i18n').t('poll.csvRespondent') });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="survey-${threadId}.csv"`,
      'Cache-Control': 'private, no-store',
    });
  });

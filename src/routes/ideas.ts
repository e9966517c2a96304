import { Hono, type Context } from 'hono';
import { loadIdea } from '../ideas/idea-facts.js';
import { mergeIdea } from '../ideas/merge.js';
import { changeIdeaStatus } from '../ideas/status-change.js';
import { listIdeaStatuses } from '../ideas/statuses.js';
import { setIdeaVote } from '../ideas/votes.js';
import { ValidationError } from '../lib/errors.js';
import { threadPath } from '../lib/slug.js';
import { ideaMergePage, ideaStatusPage } from '../../views/pages/idea-form.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';

// The ideas board's forms on an idea's page (docs/ideas.md): vote or withdraw, and for staff a new
// status with a public note, or a merge into another idea. Each acts and goes back (303); a status
// or merge form with a mistake comes back on a small page of its own (422) with what was typed.

function ideaBack(c: Context<AppEnv>, threadId: number) {
  const idea = loadIdea(c.get('services').db, threadId);
  return { title: idea.title, path: threadPath(idea.id, idea.slug) };
}

export const ideaRoutes = new Hono<AppEnv>()
  .post('/t/:id{[0-9]+}/vote', async (c) => {
    const form = await readForm(c);
    const result = setIdeaVote(c.get('services'), c.get('viewer'), { threadId: idParam(c.req.param('id')), vote: form['vote'] });
    return c.redirect(threadPath(result.threadId, result.slug), 303);
  })
  .post('/t/:id{[0-9]+}/status', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const form = await readForm(c);
    try {
      const result = changeIdeaStatus(c.get('services'), c.get('viewer'), { threadId, status: form['status'], note: form['note'] });
      return c.redirect(threadPath(result.threadId, result.slug), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const i18n = c.get('i18n');
      const props = { i18n, threadId, statuses: listIdeaStatuses(c.get('services').db), status: form['status'] ?? '', note: form['note'] ?? '', errors: fieldTexts(c, error.fields) };
      return renderPage(c, ideaStatusPage({ ...props, idea: ideaBack(c, threadId) }), { title: i18n.t('idea.statusFormTitle') }, 422);
    }
  })
  .post('/t/:id{[0-9]+}/merge', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const form = await readForm(c);
    try {
      const result = mergeIdea(c.get('services'), c.get('viewer'), { threadId, into: form['into'] });
      return c.redirect(threadPath(result.threadId, result.slug), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const i18n = c.get('i18n');
      const props = { i18n, threadId, into: form['into'] ?? '', errors: fieldTexts(c, error.fields) };
      return renderPage(c, ideaMergePage({ ...props, idea: ideaBack(c, threadId) }), { title: i18n.t('idea.mergeFormTitle') }, 422);
    }
  });

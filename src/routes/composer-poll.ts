import type { Context } from 'hono';
import { isStaff } from '../forum/permissions.js';
import { checkNewThreadPoll, composerOffersPoll } from '../polls/composer.js';
import { hasPoll, type PollForm } from '../polls/draft.js';
import { createPoll } from '../polls/polls.js';
import type { NewThreadProps } from '../../views/pages/thread-form.js';
import type { AppEnv } from './env.js';
import type { FormErrors } from './forms.js';

// The new-thread form's optional poll (docs/polls.md): the fieldset where the viewer may add one,
// and the poll checked before the thread is written, added right after it.

/** The composer's optional poll fieldset, where the viewer may add one (staff also choose the survey kinds). */
export function composerPoll(c: Context<AppEnv>, values: PollForm | undefined, errors: FormErrors): NewThreadProps['poll'] {
  const viewer = c.get('viewer');
  if (!composerOffersPoll(c.get('services'), viewer)) return undefined;
  return { values: values ?? {}, errors, survey: isStaff(viewer) };
}

/**
 * The poll the form holds, checked now (a ValidationError on its fields brings the form back
 * before anything is stored): a step that adds it to the new thread, or null when there is none.
 */
export function pollToAdd(c: Context<AppEnv>, category: string, poll: PollForm): ((threadId: number) => void) | null {
  if (!hasPoll(poll)) return null;
  const timeZone = c.get('i18n').timeZone;
  const services = c.get('services');
  const viewer = c.get('viewer');
  checkNewThreadPoll(services, viewer, { category, form: poll, timeZone });
  return (threadId) => void createPoll(services, viewer, { threadId, form: poll, timeZone });
}

import { canAddPoll, canClosePoll, canExportPollResults } from '../forum/permissions.js';
import type { ThreadPage } from '../forum/thread-page.js';
import { threadPath } from '../lib/slug.js';
import { pollThread } from '../polls/polls.js';
import { viewerChoices } from '../polls/read.js';
import { pollSection, type PollViewer } from '../../views/components/poll.js';
import type { Html } from '../../views/html.js';
import type { PageScope } from './page-scope.js';

/** Why the viewer may not vote: the reasons they may not reply (ADR 0051: voting follows replying). */
function voteBlock(kind: string): PollViewer['block'] {
  return kind === 'sign-in' || kind === 'locked' || kind === 'archived' || kind === 'silenced' ? kind : 'other';
}

/**
 * The opening post's polls as this viewer sees them: their own choices (one query, signed-in
 * viewers only) over the polls read once per thread version. Never kept in a shared frame: it
 * fills the thread frame's `polls` hole on every view (ADR 0051).
 */
export function threadPolls(scope: PageScope, data: ThreadPage): Html | undefined {
  if (data.page !== 1) return undefined;
  const { viewer, services } = scope;
  const manages = viewer !== null && (viewer.id === data.thread.authorId || data.canModerate);
  if (data.polls.length === 0 && !manages) return undefined;
  const now = services.now();
  const thread = { authorId: data.thread.authorId, categoryId: data.category.id };
  // Staff who moderate the thread may always add one; only its author needs the category's setting read.
  const facts = manages && !data.canModerate ? pollThread(services.db, data.thread.id) : undefined;
  const mayAdd = data.canModerate || (facts !== undefined && canAddPoll(viewer, facts, now));
  return pollSection({
    i18n: scope.i18n,
    threadId: data.thread.id,
    threadPath: threadPath(data.thread.id, data.thread.slug),
    polls: data.polls,
    viewer: {
      signedIn: viewer !== null,
      canVote: viewer !== null && data.canReply,
      ...(data.replyBlock ? { block: voteBlock(data.replyBlock.kind) } : {}),
      canClose: canClosePoll(viewer, thread),
      chosen: viewer !== null && data.polls.length > 0 ? viewerChoices(services.db, data.thread.id, viewer.id) : new Set(),
      now,
      seesAllResults: canExportPollResults(viewer, data.category.id),
    },
    ...(mayAdd ? { addPath: `/t/${data.thread.id}/polls/new` } : {}),
    ...(canExportPollResults(viewer, data.category.id) ? { csvPath: `/t/${data.thread.id}/polls.csv` } : {}),
  });
}

import type { I18n } from '../../src/i18n/translator.js';
import { isPollOpen } from '../../src/polls/polls.js';
import type { PollData, PollOptionData } from '../../src/polls/read.js';
import { netPromoterScore, percent, resultsVisible, scaleMean } from '../../src/polls/results.js';
import { html, type Html } from '../html.js';

// The polls of a thread's opening post: for each, its question, the voting form (plain POST, radio
// buttons or checkboxes) and the results as bars with their figures in text. Rendered per viewer
// on signed-in pages (their choices are theirs alone) and once per version for the anonymous page.

/** What this viewer may do and has done; `chosen` is empty for anonymous readers. */
export type PollViewer = {
  signedIn: boolean;
  canVote: boolean;
  /** Why they may not vote (the reply rules): signing in helps only with `sign-in`. */
  block?: 'sign-in' | 'locked' | 'archived' | 'silenced' | 'other';
  /** The thread's author or its staff: close and reopen by hand. */
  canClose: boolean;
  chosen: ReadonlySet<number>;
  now: number;
  /** Staff who moderate the thread see results before they show to others (they may export them anyway). */
  seesAllResults: boolean;
};

export type PollSectionProps = {
  i18n: I18n;
  threadId: number;
  /** Where "Sign in to vote" comes back to. */
  threadPath: string;
  polls: readonly PollData[];
  viewer: PollViewer;
  /** Links for the author or staff: another poll (a survey's next question), the CSV. */
  addPath?: string;
  csvPath?: string;
};

function optionRow(i18n: I18n, poll: PollData, option: PollOptionData, mine: boolean): Html {
  const share = percent(option.voteCount, poll.voterCount);
  return html`<li class="poll-result${mine ? ' poll-result-mine' : ''}">
  <span class="poll-result-label" dir="auto">${option.label}</span>${mine ? html` <strong class="poll-mine">${i18n.t('poll.yourChoice')}</strong>` : ''}
  <meter class="poll-bar" min="0" max="100" value="${share}" aria-hidden="true"></meter>
  <span class="poll-figures">${i18n.t('poll.figures', { percent: share / 100, count: option.voteCount })}</span>
  ${poll.publicVotes && option.voters.length > 0 ? html`<p class="poll-voters muted">${i18n.t('poll.votersList', { names: option.voters.join(', ') })}</p>` : ''}
</li>`;
}

function summary(i18n: I18n, poll: PollData): Html {
  if (poll.kind === 'nps') {
    const nps = netPromoterScore(poll);
    return nps ? html`<p class="poll-summary"><strong>${i18n.t('poll.npsScore', { score: nps.score })}</strong> ${i18n.t('poll.npsCounts', nps)}</p>` : html``;
  }
  if (poll.kind === 'scale') {
    const mean = scaleMean(poll);
    return mean === null ? html`` : html`<p class="poll-summary"><strong>${i18n.t('poll.scaleMean', { mean })}</strong></p>`;
  }
  return html``;
}

function results(i18n: I18n, poll: PollData, chosen: ReadonlySet<number>): Html {
  return html`<div class="poll-results">
  ${summary(i18n, poll)}
  <ul class="poll-result-list">${poll.options.map((option) => optionRow(i18n, poll, option, chosen.has(option.id)))}</ul>
</div>`;
}

/** A closing date is the end of a day: shown as that day's last minute, not the next day's midnight. */
function closingTime(i18n: I18n, closesAt: number): string {
  return i18n.dateTime(closesAt - 1);
}

function hiddenNotice(i18n: I18n, poll: PollData): Html {
  if (poll.resultsShown === 'voted') return html`<p class="poll-hidden muted">${i18n.t('poll.resultsAfterVoting')}</p>`;
  return html`<p class="poll-hidden muted">${poll.closesAt !== null ? i18n.t('poll.resultsAfterClosingOn', { date: closingTime(i18n, poll.closesAt) }) : i18n.t('poll.resultsAfterClosing')}</p>`;
}

function voteForm(i18n: I18n, poll: PollData, chosen: ReadonlySet<number>, questionId: string): Html {
  const multiple = poll.maxChoices > 1;
  const voted = poll.options.some((option) => chosen.has(option.id));
  return html`<form method="post" action="/polls/${poll.id}/vote" class="poll-form" data-poll>
  <fieldset aria-labelledby="${questionId}"${multiple ? html` aria-describedby="${questionId}-hint"` : ''}>
    ${multiple ? html`<p class="hint" id="${questionId}-hint">${i18n.t('poll.chooseUpTo', { max: poll.maxChoices })}</p>` : ''}
    ${poll.options.map(
      (option) =>
        html`<label class="poll-choice"><input type="${multiple ? 'checkbox' : 'radio'}" name="option" value="${option.id}"${chosen.has(option.id) ? ' checked' : ''}${multiple ? '' : ' required'}> <span dir="auto">${option.label}</span></label>`,
    )}
  </fieldset>
  <button type="submit" class="button">${i18n.t(voted ? 'poll.changeVote' : 'poll.vote')}</button>
</form>`;
}

function status(i18n: I18n, poll: PollData, now: number): Html {
  const parts = [i18n.t('poll.voters', { count: poll.voterCount })];
  if (poll.closedAt !== null) parts.push(i18n.t('poll.closedOn', { date: i18n.dateTime(poll.closedAt) }));
  else if (poll.closesAt !== null) parts.push(i18n.t(poll.closesAt <= now ? 'poll.closedOn' : 'poll.closesOn', { date: closingTime(i18n, poll.closesAt) }));
  if (poll.publicVotes) parts.push(i18n.t('poll.publicVotes'));
  return html`<p class="poll-status muted">${parts.join(' · ')}</p>`;
}

function closeForm(i18n: I18n, poll: PollData, open: boolean): Html {
  return html`<form method="post" action="/polls/${poll.id}/close" class="inline-form poll-close"><input type="hidden" name="value" value="${open ? '1' : '0'}"><button type="submit" class="button-secondary">${i18n.t(open ? 'poll.close' : 'poll.reopen')}</button></form>`;
}

const blockMessages = { locked: 'poll.threadLocked', archived: 'poll.categoryArchived', silenced: 'poll.silenced', other: 'poll.cannotVoteHere' } as const;

function whyNoVote(i18n: I18n, props: PollSectionProps): Html {
  const block = props.viewer.block ?? (props.viewer.signedIn ? 'other' : 'sign-in');
  if (block === 'sign-in') return html`<p class="poll-sign-in"><a href="/login?next=${encodeURIComponent(props.threadPath)}">${i18n.t('poll.signInToVoteLink')}</a></p>`;
  return html`<p class="poll-cannot muted">${i18n.t(blockMessages[block])}</p>`;
}

function onePoll(props: PollSectionProps, poll: PollData): Html {
  const { i18n, viewer } = props;
  const open = isPollOpen(poll, viewer.now);
  const mine = poll.options.filter((option) => viewer.chosen.has(option.id));
  const questionId = `poll-${poll.id}-question`;
  const shown = viewer.seesAllResults || resultsVisible(poll, mine.length > 0, viewer.now);
  return html`<div class="poll" id="poll-${poll.id}">
  <h2 class="poll-question" id="${questionId}" dir="auto">${poll.question}</h2>
  ${status(i18n, poll, viewer.now)}
  ${mine.length > 0 ? html`<p class="poll-you-voted">${i18n.t('poll.youVotedFor', { choices: mine.map((option) => option.label).join(', ') })}</p>` : ''}
  ${open && viewer.canVote ? voteForm(i18n, poll, viewer.chosen, questionId) : ''}
  ${open && !viewer.canVote ? whyNoVote(i18n, props) : ''}
  ${shown ? results(i18n, poll, viewer.chosen) : hiddenNotice(i18n, poll)}
  ${viewer.canClose ? closeForm(i18n, poll, open) : ''}
</div>`;
}

/** The section after the opening post; empty when there is nothing to show or do. */
export function pollSection(props: PollSectionProps): Html {
  const { i18n } = props;
  if (props.polls.length === 0 && !props.addPath) return html``;
  const links = [
    props.addPath ? html`<a href="${props.addPath}">${i18n.t(props.polls.length === 0 ? 'poll.addPoll' : 'poll.addQuestion')}</a>` : '',
    props.csvPath && props.polls.length > 0 ? html`<a href="${props.csvPath}" download>${i18n.t('poll.exportCsv')}</a>` : '',
  ].filter((link) => link !== '');
  return html`<section class="polls" aria-label="${i18n.t(props.polls.length > 1 ? 'poll.surveyLabel' : 'poll.pollLabel')}">
${props.polls.map((poll) => onePoll(props, poll))}
${links.length > 0 ? html`<p class="poll-tools">${links.map((link, index) => html`${index > 0 ? ' · ' : ''}${link}`)}</p>` : ''}
</section>`;
}

import type { PostView, ThreadPage } from '../../src/forum/thread-page.js';
import { authorWithName } from './member-name.js';
import type { I18n } from '../../src/i18n/translator.js';
import { excerpt } from '../../src/lib/html-text.js';
import { html, type Html } from '../html.js';
import { feedbackBox } from './feedback.js';
import { badge } from './post.js';
import { time } from './time.js';

/** The answer and vote words of a post, part of the post labels made once per page (./post.ts). */
export function answerLabels(i18n: I18n) {
  return {
    helpful: i18n.t('vote.helpful'),
    markHelpful: i18n.t('vote.markHelpful'),
    unmarkHelpful: i18n.t('vote.unmarkHelpful'),
    acceptAnswer: i18n.t('answer.accept'),
    unaccept: i18n.t('answer.unaccept'),
    acceptedAnswer: i18n.t('answer.accepted'),
  };
}

export type AnswerLabels = ReturnType<typeof answerLabels>;

/** "Helpful" as a plain form button (pressed when the viewer voted); the count alone for everyone else. */
export function helpfulControl(i18n: I18n, post: PostView, labels: AnswerLabels): Html {
  if (post.state !== 'visible') return html``;
  const count = post.helpfulCount;
  if (!post.canVote) {
    return count > 0 ? html`<span class="helpful-count muted">${i18n.t('vote.foundHelpful', { count })}</span>` : html``;
  }
  const label = post.votedByViewer ? labels.unmarkHelpful : labels.markHelpful;
  return html`<form method="post" action="/p/${post.id}/helpful" class="inline-form helpful-form"><button type="submit" class="button-secondary helpful-button" aria-pressed="${post.votedByViewer ? 'true' : 'false'}" title="${label}">${labels.helpful} <span class="helpful-count">${count}</span></button></form>`;
}

/** "Accept answer" / "Unaccept", only for the asker and the category's managers. */
export function acceptControl(post: PostView, labels: AnswerLabels): Html {
  if (!post.canAccept) return html``;
  return post.accepted
    ? html`<form method="post" action="/p/${post.id}/unaccept" class="inline-form"><button type="submit" class="link-button">${labels.unaccept}</button></form>`
    : html`<form method="post" action="/p/${post.id}/accept" class="inline-form"><button type="submit" class="button-secondary accept-button">${labels.acceptAnswer}</button></form>`;
}

export function acceptedMark(post: PostView, labels: AnswerLabels): Html {
  return post.accepted && post.state === 'visible' ? html`<span class="tag tag-solved accepted-mark">${labels.acceptedAnswer}</span>` : html``;
}

/**
 * A boxed excerpt of the accepted answer under the question, linking to the reply in place, with
 * "Did this help?" at its foot: the one place for it on the thread page, since the box sits under
 * both the solved question and its answer (a second box by the reply itself would ask twice).
 */
export function acceptedAnswerBox(i18n: I18n, props: Pick<ThreadPage, 'acceptedAnswer' | 'posts' | 'thread'>): Html {
  const answer = props.acceptedAnswer;
  if (!answer) return html``;
  const onThisPage = props.posts.some((post) => post.id === answer.id);
  const href = onThisPage ? `#post-${answer.number}` : `/p/${answer.id}`;
  return html`<aside class="accepted-answer" aria-labelledby="accepted-answer-heading">
  <h2 id="accepted-answer-heading">${i18n.t('answer.boxHeading')}</h2>
  <p class="muted">${authorWithName(i18n, answer.author, { link: 'author', name: 'display-name' })}${badge(answer.author.role, i18n)} · ${time(i18n, answer.createdAt)}</p>
  <blockquote class="accepted-excerpt" dir="auto">${excerpt(answer.text, 400)}</blockquote>
  <p><a href="${href}">${i18n.t('answer.goTo', { number: String(answer.number) })} <span class="direction-arrow" aria-hidden="true">→</span></a></p>
  ${props.thread.status === 'published' ? feedbackBox({ i18n, action: `/t/${props.thread.id}/feedback` }) : ''}
</aside>`;
}

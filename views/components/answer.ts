import type { PostView, ThreadPage } from '../../src/forum/thread-page.js';
import { excerpt } from '../../src/lib/html-text.js';
import { html, type Html } from '../html.js';
import { badge } from './post.js';
import { legacyTime } from './time.js';

/** "Helpful" as a plain form button (pressed when the viewer voted); the count alone for everyone else. */
export function helpfulControl(post: PostView): Html {
  if (post.state !== 'visible') return html``;
  const count = post.helpfulCount;
  if (!post.canVote) {
    return count > 0 ? html`<span class="helpful-count muted">${count} found this helpful</span>` : html``;
  }
  const label = post.votedByViewer ? 'Helpful (you marked this; select to undo)' : 'Mark as helpful';
  return html`<form method="post" action="/p/${post.id}/helpful" class="inline-form helpful-form"><button type="submit" class="button-secondary helpful-button" aria-pressed="${post.votedByViewer ? 'true' : 'false'}" title="${label}">Helpful <span class="helpful-count">${count}</span></button></form>`;
}

/** "Accept answer" / "Unaccept", only for the asker and the category's managers. */
export function acceptControl(post: PostView): Html {
  if (!post.canAccept) return html``;
  return post.accepted
    ? html`<form method="post" action="/p/${post.id}/unaccept" class="inline-form"><button type="submit" class="link-button">Unaccept</button></form>`
    : html`<form method="post" action="/p/${post.id}/accept" class="inline-form"><button type="submit" class="button-secondary accept-button">Accept answer</button></form>`;
}

export function acceptedMark(post: PostView): Html {
  return post.accepted && post.state === 'visible' ? html`<span class="tag tag-solved accepted-mark">Accepted answer</span>` : html``;
}

/** A boxed excerpt of the accepted answer under the question, linking to the reply in place. */
export function acceptedAnswerBox(props: Pick<ThreadPage, 'acceptedAnswer' | 'posts'>): Html {
  const answer = props.acceptedAnswer;
  if (!answer) return html``;
  const onThisPage = props.posts.some((post) => post.id === answer.id);
  const href = onThisPage ? `#post-${answer.number}` : `/p/${answer.id}`;
  return html`<aside class="accepted-answer" aria-labelledby="accepted-answer-heading">
  <h2 id="accepted-answer-heading">Solved — accepted answer</h2>
  <p class="muted"><a class="author" href="/u/${encodeURIComponent(answer.author.username)}">${answer.author.username}</a>${badge(answer.author.role)} · ${legacyTime(answer.createdAt)}</p>
  <blockquote class="accepted-excerpt">${excerpt(answer.text, 400)}</blockquote>
  <p><a href="${href}">Go to the answer (#${answer.number}) →</a></p>
</aside>`;
}

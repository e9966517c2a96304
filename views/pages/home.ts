import type { CategorySummary } from '../../src/forum/categories.js';
import { html, type Html } from '../html.js';
import { legacyTime } from '../components/time.js';

export type HomeProps = { siteName: string; categories: CategorySummary[]; signedIn: boolean };

function categoryRow(category: CategorySummary): Html {
  const latest = category.latest;
  return html`<li class="category-row">
  <div class="category-main">
    <h2><a href="/c/${category.slug}">${category.name}</a>${category.kind === 'questions' ? html` <span class="tag">Q&amp;A</span>` : ''}</h2>
    ${category.description ? html`<p>${category.description}</p>` : ''}
  </div>
  <dl class="category-counts">
    <div><dt>Threads</dt><dd>${category.threadCount}</dd></div>
    <div><dt>Posts</dt><dd>${category.postCount}</dd></div>
  </dl>
  <div class="category-latest">
    ${latest
      ? html`<a href="/t/${latest.threadId}/${latest.slug}">${latest.title}</a>${latest.solved ? html` <span class="tag tag-solved">Solved</span>` : ''}
        <span class="muted">${latest.username ? html`${latest.username} · ` : ''}${legacyTime(latest.at)}</span>`
      : html`<span class="muted">No threads yet</span>`}
  </div>
</li>`;
}

export function homePage(props: HomeProps): Html {
  return html`<h1>${props.siteName} community</h1>
<p class="lead">Ask questions, share tips and get answers from other customers and our team.</p>
${props.categories.length === 0
  ? html`<p class="empty">There are no categories yet. An admin can create one with <code>npm run cli -- category:create --name "…"</code>.</p>`
  : html`<ul class="category-list">${props.categories.map(categoryRow)}</ul>`}
${props.signedIn ? '' : html`<p class="cta">New here? <a href="/signup">Create an account</a> to ask a question or join a discussion.</p>`}`;
}

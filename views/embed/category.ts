import type { PublicCategory, PublicThreadSummary } from '../../src/embed/read.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type EmbedCategoryProps = PublicCategory & { baseUrl: string };

function row(thread: PublicThreadSummary, baseUrl: string): Html {
  return html`<li class="embed-thread">
  <a class="embed-thread-title" href="${baseUrl}/t/${thread.id}/${thread.slug}">${thread.title}</a>${
    thread.solved ? html` <span class="embed-tag embed-tag-solved">Solved</span>` : ''
  }
  <span class="embed-thread-meta">${thread.replyCount} ${thread.replyCount === 1 ? 'reply' : 'replies'} · ${legacyTime(thread.lastPostAt)}</span>
</li>`;
}

export function embedCategory(props: EmbedCategoryProps): Html {
  const { category, baseUrl } = props;
  const categoryUrl = `${baseUrl}/c/${category.slug}`;
  const ask = category.kind === 'questions' ? 'Ask the community' : 'Start a discussion';
  return html`<header class="embed-head">
  <h1 class="embed-title"><a href="${categoryUrl}">${category.name}</a></h1>
  ${category.description ? html`<p class="embed-meta">${category.description}</p>` : ''}
</header>
${props.threads.length === 0
  ? html`<p class="embed-empty">No discussions here yet. Be the first to start one.</p>`
  : html`<ul class="embed-threads">${props.threads.map((thread) => row(thread, baseUrl))}</ul>`}
<p class="embed-actions"><a class="embed-button" href="${baseUrl}/new?category=${category.slug}">${ask}</a><a href="${categoryUrl}">See all discussions</a></p>`;
}

import type { PublicPost, PublicThread } from '../../src/embed/read.js';
import { absolutize } from '../../src/embed/absolute-urls.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type EmbedFragmentProps = PublicThread & { i18n: I18n; baseUrl: string; siteName: string };

function date(i18n: I18n, ms: number, prop: string): Html {
  return html`<time itemprop="${prop}" datetime="${new Date(ms).toISOString()}">${i18n.date(ms)}</time>`;
}

function author(item: PublicPost, baseUrl: string): Html {
  return html`<span class="hearth-fragment-author" itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="${baseUrl}/u/${encodeURIComponent(item.author.username)}"><span itemprop="name" dir="auto">${item.author.username}</span></a></span>`;
}

function reply(i18n: I18n, item: PublicPost, baseUrl: string): Html {
  return html`<li class="hearth-fragment-post" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <p class="hearth-fragment-post-meta">${author(item, baseUrl)} · ${date(i18n, item.createdAt, 'datePublished')}</p>
  <div class="hearth-fragment-post-body" itemprop="text" dir="auto">${item.bodyHtml ? safe(absolutize(item.bodyHtml, baseUrl)) : ''}</div>
</li>`;
}

/** "3 replies in Smart Kettles · Acme · Dec 6, 2026", and "· Solved" when it is. */
function meta(props: EmbedFragmentProps): Html {
  const { thread, category, baseUrl, i18n } = props;
  return rich(i18n, thread.solved ? 'embed.fragment.metaSolved' : 'embed.fragment.meta', {
    count: thread.replyCount,
    category: html`<a href="${baseUrl}/c/${category.slug}" dir="auto">${category.name}</a>`,
    site: html`<bdi>${props.siteName}</bdi>`,
    date: date(i18n, thread.createdAt, 'datePublished'),
  });
}

/**
 * The thread as plain HTML for the host's server to include in its page, so search engines
 * credit the article with the discussion: no <html>, no scripts, no styles, every class prefixed
 * `hearth-fragment`, every URL absolute, schema.org microdata instead of JSON-LD (a script).
 * embed.js finds `data-hearth-thread` on it and upgrades it in place to the live frame, in the
 * fragment's language (its `lang`), since the host may include it in a page in another language.
 */
export function embedFragment(props: EmbedFragmentProps): Html {
  const { thread, baseUrl, i18n } = props;
  const threadUrl = `${baseUrl}/t/${thread.id}/${thread.slug}`;
  const visible = props.posts.filter((item) => item.state === 'visible');
  const opening = visible.find((item) => item.number === 1);
  const replies = visible.filter((item) => item.number !== 1);
  return html`<section class="hearth-fragment" data-hearth-thread="${thread.id}" lang="${i18n.locale}" dir="${i18n.dir}" itemscope itemtype="https://schema.org/DiscussionForumPosting">
<h2 class="hearth-fragment-title"><a itemprop="url" href="${threadUrl}"><span itemprop="headline" dir="auto">${thread.title}</span></a></h2>
<p class="hearth-fragment-meta">${meta(props)}</p>
${opening ? html`<div class="hearth-fragment-opening">
  <p class="hearth-fragment-post-meta">${author(opening, baseUrl)}</p>
  <div class="hearth-fragment-post-body" itemprop="text" dir="auto">${opening.bodyHtml ? safe(absolutize(opening.bodyHtml, baseUrl)) : ''}</div>
</div>` : ''}
<meta itemprop="commentCount" content="${thread.replyCount}">
${replies.length ? html`<ol class="hearth-fragment-replies">${replies.map((item) => reply(i18n, item, baseUrl))}</ol>` : ''}
<p class="hearth-fragment-actions"><a class="hearth-fragment-link" href="${threadUrl}">${i18n.t(thread.locked ? 'embed.fragment.readFull' : 'embed.fragment.join')}</a></p>
</section>`;
}

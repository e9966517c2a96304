import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

/** Numbered pages for threads (page N is a stable address a permalink can point at). */
export function pageLinks(i18n: I18n, basePath: string, page: number, totalPages: number): Html {
  if (totalPages <= 1) return html``;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalPages])].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
  const items: Html[] = [];
  let previous = 0;
  for (const n of shown) {
    if (n - previous > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
    items.push(n === page ? html`<li><a aria-current="page" href="${href(n)}">${i18n.number(n)}</a></li>` : html`<li><a href="${href(n)}">${i18n.number(n)}</a></li>`);
    previous = n;
  }
  return html`<nav class="pagination" aria-label="${i18n.t('pagination.label')}">
  ${page > 1 ? html`<a rel="prev" href="${href(page - 1)}"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('pagination.previous')}</a>` : ''}
  <ol>${items}</ol>
  ${page < totalPages ? html`<a rel="next" href="${href(page + 1)}">${i18n.t('pagination.next')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

import type { I18n } from '../../src/i18n/translator.js';
import type { DiffPart } from '../../src/lib/text-diff.js';
import type { QueueEdit } from '../../src/moderation/queue-edits.js';
import { html, safe, type Html } from '../html.js';

// Each change is marked with <ins>/<del> for the eye and with words for screen readers, which
// announce neither element by default.
type Marks = { added: string; removed: string };

function part(piece: DiffPart, marks: Marks): Html {
  if (piece.kind === 'added') return html`<ins><span class="visually-hidden">${marks.added}</span>${piece.text}</ins>`;
  if (piece.kind === 'removed') return html`<del><span class="visually-hidden">${marks.removed}</span>${piece.text}</del>`;
  return html`${piece.text}`;
}

/** A held edit against the public version: the title change, the text as typed with changes marked, and the new version as readers would see it. */
export function editDiff(i18n: I18n, edit: QueueEdit, publicTitle: string): Html {
  const marks = { added: i18n.t('diff.added'), removed: i18n.t('diff.removed') };
  return html`<div class="edit-review">
  ${edit.title !== null
    ? html`<p class="edit-title">${i18n.t('diff.title')} <del dir="auto"><span class="visually-hidden">${marks.removed}</span>${publicTitle}</del> <span class="direction-arrow" aria-hidden="true">→</span> <ins dir="auto"><span class="visually-hidden">${marks.added}</span>${edit.title}</ins></p>`
    : ''}
  <h3 class="review-subheading">${i18n.t('diff.changes')}</h3>
  <div class="edit-diff" dir="auto">${edit.diff.map((piece) => part(piece, marks))}</div>
  <details>
    <summary>${i18n.t('diff.newVersion')}</summary>
    <div class="post-body" dir="auto">${safe(edit.bodyHtml)}</div>
  </details>
</div>`;
}

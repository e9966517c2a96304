import type { DiffPart } from '../../src/lib/text-diff.js';
import type { QueueEdit } from '../../src/moderation/queue-edits.js';
import { html, safe, type Html } from '../html.js';

// Each change is marked with <ins>/<del> for the eye and with words for screen readers, which
// announce neither element by default.
function part(piece: DiffPart): Html {
  if (piece.kind === 'added') return html`<ins><span class="visually-hidden">added: </span>${piece.text}</ins>`;
  if (piece.kind === 'removed') return html`<del><span class="visually-hidden">removed: </span>${piece.text}</del>`;
  return html`${piece.text}`;
}

/** A held edit against the public version: the title change, the text as typed with changes marked, and the new version as readers would see it. */
export function editDiff(edit: QueueEdit, publicTitle: string): Html {
  return html`<div class="edit-review">
  ${edit.title !== null
    ? html`<p class="edit-title">Title: <del><span class="visually-hidden">removed: </span>${publicTitle}</del> → <ins><span class="visually-hidden">added: </span>${edit.title}</ins></p>`
    : ''}
  <h3 class="review-subheading">Changes to the text</h3>
  <div class="edit-diff">${edit.diff.map(part)}</div>
  <details>
    <summary>The new version as readers would see it</summary>
    <div class="post-body">${safe(edit.bodyHtml)}</div>
  </details>
</div>`;
}

import { randomBytes } from 'node:crypto';
import { raw } from 'hono/html';
import type { Html } from '../../views/html.js';
import { NONCE_PLACEHOLDER, splitAtNonces, type NonceParts } from '../lib/csp.js';

/*
 * Parts of a page kept already encoded. Most of a thread page (its post articles, its JSON-LD) is
 * kept from one view to the next, yet the page as a string was flattened, searched for nonce
 * placeholders and encoded to UTF-8 on every view: ~100 µs for a 45 KB page, because almost every
 * page holds a character outside Latin-1 (›, ’, —), so V8 keeps it two bytes a character and
 * encodes it slowly. Kept parts are stored as UTF-8 bytes instead; the page is rendered with a
 * marker where each goes, and only what is left (a few KB) is encoded per view.
 *
 * A marker is random per process, like the nonce placeholder, so nobody can type one into a title.
 */

/** UTF-8 bytes around the nonce placeholders they hold, like a cached page's. */
export type Fragment = NonceParts;

const SLOT = `hearth-slot-${randomBytes(12).toString('hex')}-`;
const markers = new RegExp(`${NONCE_PLACEHOLDER}|${SLOT}([0-9]+)\\.`, 'g');

export function encodeFragment(markup: Html | string): Fragment {
  return splitAtNonces(markup.toString());
}

/** The fragments of one page being rendered. */
export class PageFragments {
  private readonly fragments: Fragment[] = [];

  /** Html that stands for the fragment in the page's markup; `assemble` puts its bytes there. */
  add(fragment: Fragment): Html {
    this.fragments.push(fragment);
    return raw(`${SLOT}${this.fragments.length - 1}.`);
  }

  /** The page's bytes, the fragments' put in place of their markers. */
  assemble(page: string): AssembledPage {
    const pieces: (Buffer<ArrayBuffer> | null)[] = [];
    let from = 0;
    for (const match of page.matchAll(markers)) {
      pieces.push(Buffer.from(page.slice(from, match.index), 'utf8'));
      from = match.index + match[0].length;
      if (match[1] === undefined) {
        pieces.push(null);
        continue;
      }
      const fragment = this.fragments[Number(match[1])];
      if (!fragment) throw new Error('A page marker names a fragment that was never added.');
      fragment.forEach((part, index) => {
        if (index > 0) pieces.push(null);
        pieces.push(part);
      });
    }
    pieces.push(Buffer.from(page.slice(from), 'utf8'));
    return new AssembledPage(pieces);
  }
}

/** A page's bytes as pieces, with null where the response's nonce goes. */
export class AssembledPage {
  constructor(private readonly pieces: readonly (Buffer<ArrayBuffer> | null)[]) {}

  /** The page with this nonce in place: its bytes are copied once. */
  withNonce(nonce: string): Buffer<ArrayBuffer> {
    const nonceBytes = Buffer.from(nonce, 'latin1');
    return Buffer.concat(this.pieces.map((piece) => piece ?? nonceBytes));
  }

  /** The bytes around the nonces, as the page cache keeps a page. */
  parts(): NonceParts {
    const parts: NonceParts = [];
    let pending: Buffer<ArrayBuffer>[] = [];
    for (const piece of [...this.pieces, null]) {
      if (piece !== null) {
        pending.push(piece);
        continue;
      }
      parts.push(Buffer.concat(pending));
      pending = [];
    }
    return parts;
  }
}

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
const HOLE = `hearth-hole-${randomBytes(12).toString('hex')}-`;
const markers = new RegExp(`${NONCE_PLACEHOLDER}|${SLOT}([0-9]+)\\.|${HOLE}([a-z-]+)\\.`, 'g');

/** A frame's bytes as pieces: UTF-8, null where the response's nonce goes, a name where a hole is. */
type FramePiece = Buffer<ArrayBuffer> | null | string;
/**
 * A page's bytes as pieces: kept UTF-8, null where the response's nonce goes, or text made for
 * this request, left a string until the page is written (encoded straight into the response's
 * buffer, not into a Buffer of its own first).
 */
type Piece = Buffer<ArrayBuffer> | null | string;

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
    const pieces = this.split(page);
    if (pieces.some((piece) => typeof piece === 'string')) throw new Error('A page with holes is a Frame: fill it instead.');
    return new AssembledPage(pieces);
  }

  /** The page's pieces, with the names of its holes (./fragments.ts `hole`) where they are. */
  split(page: string): FramePiece[] {
    const pieces: FramePiece[] = [];
    let from = 0;
    for (const match of page.matchAll(markers)) {
      pieces.push(Buffer.from(page.slice(from, match.index), 'utf8'));
      from = match.index + match[0].length;
      if (match[2] !== undefined) {
        pieces.push(match[2]);
        continue;
      }
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
    return pieces;
  }
}

/** Html that marks where a frame's part `name` goes (lower-case letters and dashes). */
export function hole(name: string): Html {
  return raw(`${HOLE}${name}.`);
}

/** What fills a hole: markup rendered for this request, kept fragments in order, or an assembled page part. */
export type Filling = Html | string | readonly Fragment[] | AssembledPage;

/**
 * A page, or a part of one, rendered once with holes where each request's own parts go (the
 * viewer's links, their forms) and kept as UTF-8 (the thread page's frames, ADR 0039). Filling it
 * encodes only the holes' markup; the rest is copied as it was kept.
 */
export class Frame {
  private constructor(private readonly pieces: readonly FramePiece[]) {}

  /** `markup` with its fragments (added to `fragments`) put in place and its holes kept. */
  static of(markup: Html | string, fragments: PageFragments = new PageFragments()): Frame {
    return new Frame(ownBuffer(fragments.split(markup.toString())));
  }

  /** Bytes the frame keeps, for a memory budget. */
  get bytes(): number {
    return this.pieces.reduce((sum: number, piece) => sum + (piece === null ? 8 : piece.length), 0);
  }

  /**
   * The frame with every hole filled from the first of `fillings` that has it; a hole without a
   * filling is refused. Several records rather than one merged with spreads: a merged object took
   * new hidden classes on every view (ADR 0057).
   */
  fill(...fillings: readonly Readonly<Record<string, Filling>>[]): AssembledPage {
    const pieces: Piece[] = [];
    for (const piece of this.pieces) {
      if (typeof piece !== 'string') {
        pieces.push(piece);
        continue;
      }
      const filling = fillingFor(fillings, piece);
      if (filling === undefined) throw new Error(`The frame's hole "${piece}" was not filled.`);
      pushFilling(pieces, filling);
    }
    return new AssembledPage(pieces);
  }
}

/**
 * The pieces as views of one buffer of their own. split() cuts short pieces out of Node's shared
 * 8 KB slabs, and a kept slice keeps its whole slab alive: a frame of a few KB in twenty pieces
 * would hold twenty slabs (see src/lib/csp.ts ownBytes).
 */
function ownBuffer(pieces: FramePiece[]): FramePiece[] {
  let length = 0;
  for (const piece of pieces) if (piece !== null && typeof piece !== 'string') length += piece.length;
  const own = Buffer.allocUnsafeSlow(length);
  let offset = 0;
  return pieces.map((piece) => {
    if (piece === null || typeof piece === 'string') return piece;
    piece.copy(own, offset);
    offset += piece.length;
    return own.subarray(offset - piece.length, offset);
  });
}

function fillingFor(fillings: readonly Readonly<Record<string, Filling>>[], name: string): Filling | undefined {
  for (const record of fillings) {
    const filling = record[name];
    if (filling !== undefined) return filling;
  }
  return undefined;
}

function pushFilling(pieces: Piece[], filling: Filling): void {
  if (filling instanceof AssembledPage) {
    pieces.push(...filling.pieces);
    return;
  }
  if (Array.isArray(filling)) {
    for (const fragment of filling as readonly Fragment[]) pushFragment(pieces, fragment);
    return;
  }
  // Made for this request and dropped after it: kept as text until the page is written.
  const text = (filling as Html | string).toString();
  if (!text.includes(NONCE_PLACEHOLDER)) {
    pieces.push(text);
    return;
  }
  text.split(NONCE_PLACEHOLDER).forEach((part, index) => {
    if (index > 0) pieces.push(null);
    pieces.push(part);
  });
}

function pushFragment(pieces: Piece[], fragment: Fragment): void {
  fragment.forEach((part, index) => {
    if (index > 0) pieces.push(null);
    pieces.push(part);
  });
}

/** A page's bytes as pieces, with null where the response's nonce goes. */
export class AssembledPage {
  constructor(readonly pieces: readonly Piece[]) {}

  /** The page with this nonce in place: its bytes are copied once. */
  withNonce(nonce: string): Buffer<ArrayBuffer> {
    const nonceBytes = Buffer.from(nonce, 'latin1');
    return Buffer.concat(this.pieces.map((piece) => (piece === null ? nonceBytes : bytesOf(piece))));
  }

  /** How many bytes the page has with a nonce of `nonceLength` (ASCII) characters. */
  byteLength(nonceLength: number): number {
    let length = 0;
    for (const piece of this.pieces) length += piece === null ? nonceLength : typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
    return length;
  }

  /** The page with this (ASCII) nonce in place, copied into the start of `target` (at least byteLength long): the bytes written, as a view of it. */
  writeInto(target: Buffer, nonce: string): Buffer {
    let offset = 0;
    for (const piece of this.pieces) {
      if (piece === null) offset += target.write(nonce, offset, 'latin1');
      else if (typeof piece === 'string') offset += target.write(piece, offset, 'utf8');
      else offset += piece.copy(target, offset);
    }
    return target.subarray(0, offset);
  }

  /** The bytes around the nonces, as the page cache keeps a page. */
  parts(): NonceParts {
    const parts: NonceParts = [];
    let pending: Buffer<ArrayBuffer>[] = [];
    for (const piece of [...this.pieces, null]) {
      if (piece !== null) {
        pending.push(bytesOf(piece));
        continue;
      }
      parts.push(Buffer.concat(pending));
      pending = [];
    }
    return parts;
  }
}

function bytesOf(piece: Buffer<ArrayBuffer> | string): Buffer<ArrayBuffer> {
  return typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
}

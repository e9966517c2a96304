import { createRequire } from 'node:module';

/*
 * jsdom tracks each document's live NodeIterators in a set of WeakRefs, so that removing a node can
 * move the iterators that point at it. DOMPurify walks every post with a NodeIterator over a fresh
 * document, and V8's young-generation collector keeps WeakRef targets alive: each post's iterator,
 * and through it the post's whole DOM, survived every scavenge, was copied into the old generation,
 * and waited there for a full collection. In the markdown worker that was ~50 KB promoted per post,
 * and scavenges of ~3 ms every few dozen posts: ~11% of the worker's time under a stream of
 * replies, before the mark-compacts that then had all of it to clear (ADR 0019).
 *
 * DOMPurify's documents live for one sanitize call, so their iterators may as well be held
 * strongly: a plain Set on each document, made when its first iterator is, dies with it. Iterators
 * still get their removal steps exactly as before (jsdom iterates either set the same way).
 *
 * This reaches into jsdom's implementation classes, which are not its public API, so it checks
 * their shape first and leaves jsdom alone if they changed; a test pins that it applies to the
 * jsdom in package-lock.json. Call it after jsdom has been loaded.
 */

type DocumentImpl = { _workingNodeIterators?: Iterable<unknown>; createNodeIterator(...args: unknown[]): unknown };

let installed = false;

/** Returns whether jsdom documents now hold their node iterators strongly. */
export function holdNodeIteratorsStrongly(): boolean {
  if (installed) return true;
  const require = createRequire(import.meta.url);
  let prototype: DocumentImpl | undefined;
  try {
    prototype = (require('jsdom/lib/jsdom/living/nodes/Document-impl.js') as { implementation?: { prototype: DocumentImpl } }).implementation?.prototype;
  } catch {
    return false;
  }
  const create = prototype?.createNodeIterator;
  if (!prototype || typeof create !== 'function') return false;
  prototype.createNodeIterator = function createNodeIterator(this: DocumentImpl, ...args: unknown[]) {
    const iterators = this._workingNodeIterators;
    if (iterators && !(iterators instanceof Set) && typeof iterators[Symbol.iterator] === 'function') this._workingNodeIterators = new Set(iterators);
    return create.apply(this, args);
  };
  installed = true;
  return true;
}

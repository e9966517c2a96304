/*
 * Page-sized buffers for response bodies put together per view (a member's thread page, ~50 KB),
 * reused once their response has been written. A fresh buffer per view is memory outside V8's
 * heap, and V8 counts it when deciding to collect the whole heap: once the memory reducer had
 * shrunk the heap of a server left idle for ~10 s, a following load of signed-in views started a
 * full collection every ~100–200 ms and served ~35% fewer pages, for as long as the load lasted
 * (ADR 0058). Reused buffers are allocated once; the free lists hold what the connections in
 * flight need.
 */

// Sizes are rounded up to a class, so a buffer fits every page of its class.
const CLASS_BYTES = 16 * 1024;
// Per class; a buffer given back beyond this is left to the garbage collector.
const MAX_FREE = 64;

const free = new Map<number, Buffer[]>();

function classOf(size: number): number {
  return Math.max(1, Math.ceil(size / CLASS_BYTES)) * CLASS_BYTES;
}

/** A buffer of at least `size` bytes, its contents undefined: give it back once nothing reads it. */
export function takeBodyBuffer(size: number): Buffer {
  const bytes = classOf(size);
  return free.get(bytes)?.pop() ?? Buffer.allocUnsafeSlow(bytes);
}

/** `buffer` (from takeBodyBuffer) may be handed out again: its response has been written. */
export function giveBackBodyBuffer(buffer: Buffer): void {
  const list = free.get(buffer.length);
  if (list === undefined) free.set(buffer.length, [buffer]);
  else if (list.length < MAX_FREE) list.push(buffer);
}

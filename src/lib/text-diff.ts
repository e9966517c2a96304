// A word diff for showing a held edit against the public text (the review queue). Words and runs of
// whitespace are the tokens, so line breaks survive. The common start and end are cut off first
// (linear), then Myers' O((N+M)·D) algorithm runs on the middle, giving up past MAX_CHANGES tokens
// of difference: beyond that the middle is shown as removed and added whole, which is what a
// reader would make of such a rewrite anyway. Time and memory stay bounded for any two texts.

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export const MAX_CHANGES = 200;
const tokenPattern = /\s+|\S+/g;

type Op = { kind: DiffPart['kind']; token: string };

/** The parts that turn `before` into `after`, adjacent parts of one kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.match(tokenPattern) ?? [];
  const b = after.match(tokenPattern) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = shortestEdit(middleA, middleB) ?? [
    ...middleA.map((token): Op => ({ kind: 'removed', token })),
    ...middleB.map((token): Op => ({ kind: 'added', token })),
  ];
  const ops: Op[] = [...a.slice(0, start).map((token): Op => ({ kind: 'same', token })), ...middle, ...a.slice(endA).map((token): Op => ({ kind: 'same', token }))];
  return merge(ops);
}

function merge(ops: Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts.at(-1);
    if (last && last.kind === op.kind) last.text += op.token;
    else parts.push({ kind: op.kind, text: op.token });
  }
  return parts;
}

/** Myers' greedy shortest edit script, or null when it needs more than MAX_CHANGES insertions and deletions. */
function shortestEdit(a: string[], b: string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_CHANGES);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // The furthest x on each diagonal before each round, for walking back along the found path.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? v[k + 1 + offset]! : v[k - 1 + offset]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? k + 1 : k - 1;
    const previousX = v[previousK + offset]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: 'same', token: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) ops.push(x === previousX ? { kind: 'added', token: b[y - 1]! } : { kind: 'removed', token: a[x - 1]! });
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

/** Long unchanged stretches keep `context` characters at each end around an ellipsis: the changes are what matter. */
export function elideUnchanged(parts: DiffPart[], context = 200): DiffPart[] {
  return parts.map((part) => {
    if (part.kind !== 'same' || part.text.length <= context * 3) return part;
    // By code points, so an emoji is never cut in half.
    const characters = [...part.text];
    if (characters.length <= context * 3) return part;
    return { kind: 'same', text: `${characters.slice(0, context).join('')} … ${characters.slice(-context).join('')}` };
  });
}

/**
 * At most `limit` images decode at once in this process; the rest wait their turn. sharp works on
 * libuv's threads, off the request thread, but each decode of a large photo holds tens of
 * megabytes: a burst of uploads must not take the memory the pages need.
 */
export function inFlightLimit(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    // A finished decode hands its place straight to the next in line.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

import { fstatSync, write, writeSync } from 'node:fs';

// The access log's lines, written to standard output in batches and off the request thread.
// Writing each line as it came (process.stdout.write) cost a system call per request, made on the
// request thread, and blocked it whenever the reader of the log (a file, a pipe to a log shipper)
// was slow. Lines are appended to a buffer instead; the buffer goes out in one asynchronous write
// every few milliseconds (sooner once it is large), one write at a time so lines keep their order.
// Not once per turn of the event loop: each asynchronous write wakes a thread of the pool, and
// per turn that cost the server under load about a quarter of its time when the pool shares the
// server's core (measured with the benchmark's pinning); every 20 ms it is a few writes a second. A stop waits for everything to be written (`drain`); an exit that does not wait
// (process.exit elsewhere) still writes what is left synchronously.

export type AccessLogWriter = {
  /** One line, without its newline. */
  write(line: string): void;
  /** Resolves once every line given so far has been written (or the output failed). */
  drain(): Promise<void>;
  /** Writes what is waiting at once, blocking: for the process's last moment. */
  flushSync(): void;
};

export type AccessLogWriterOptions = {
  /** The file descriptor written to; standard output unless given. */
  fd?: number;
  /** Lines wait at most this long before they are written. */
  flushMs?: number;
  /** A batch this large is written without waiting. */
  batchBytes?: number;
  /**
   * Beyond this much waiting, lines are counted and dropped (and the count written once the
   * output catches up) rather than growing the process without bound behind a stalled reader.
   */
  maxWaitingBytes?: number;
  /**
   * Each write at most this long, ending at a line's end. Unset: 4,096 bytes (PIPE_BUF) when the
   * output is a pipe or a socket, else whole batches.
   */
  pieceBytes?: number;
  /** Where a failed output is reported (once); operator-facing. */
  onError?: (error: Error) => void;
};

// A reader that is full (a non-blocking pipe) answers EAGAIN: try again shortly.
const RETRY_MS = 5;
// At exit a reader that never catches up must not hold the process forever.
const SYNC_PATIENCE_MS = 2_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
// Several server processes (WORKERS) write their batches to one inherited standard output. A pipe
// (a log shipper, systemd, docker) keeps a write whole only up to PIPE_BUF bytes, so larger
// batches from two processes came out with lines cut into each other; files keep each write whole.
const PIPE_BUF = 4096;

function defaultPieceBytes(fd: number): number {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() ? PIPE_BUF : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Where the write starting at `offset` ends: at most `pieceBytes` on, after a newline (a longer line goes alone). */
export function pieceEnd(bytes: Buffer, offset: number, pieceBytes: number): number {
  if (bytes.length - offset <= pieceBytes) return bytes.length;
  const lastNewline = bytes.lastIndexOf(10, offset + pieceBytes - 1);
  if (lastNewline >= offset) return lastNewline + 1;
  const nextNewline = bytes.indexOf(10, offset);
  return nextNewline === -1 ? bytes.length : nextNewline + 1;
}

export function createAccessLogWriter(options: AccessLogWriterOptions = {}): AccessLogWriter {
  const fd = options.fd ?? 1;
  const flushMs = options.flushMs ?? 20;
  const batchBytes = options.batchBytes ?? 64 * 1024;
  const maxWaitingBytes = options.maxWaitingBytes ?? 16 * 1024 * 1024;
  const pieceBytes = options.pieceBytes ?? defaultPieceBytes(fd);
  let waiting = '';
  let writing: Buffer | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dropped = 0;
  let failed = false;
  let drained: (() => void)[] = [];

  const settle = () => {
    if (writing !== null || waiting !== '') return;
    const callbacks = drained;
    drained = [];
    for (const callback of callbacks) callback();
  };

  const fail = (error: Error) => {
    if (!failed) options.onError?.(error);
    failed = true;
    waiting = '';
    writing = null;
    settle();
  };

  const send = (bytes: Buffer, offset: number) => {
    write(fd, bytes, offset, pieceEnd(bytes, offset, pieceBytes) - offset, null, (error, written) => {
      if (error && (error as NodeJS.ErrnoException).code === 'EAGAIN') return void setTimeout(() => send(bytes, offset), RETRY_MS);
      if (error) return fail(error);
      if (offset + written < bytes.length) return send(bytes, offset + written);
      writing = null;
      // Not straight on with the few lines that came meanwhile: that would be a write per turn again.
      if (drained.length > 0 || waiting.length >= batchBytes) flush();
      else if (waiting !== '' || dropped > 0) schedule();
    });
  };

  // Unreferenced: a process with nothing else to do may end; its exit writes the rest.
  const schedule = () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      flush();
    }, flushMs);
    timer.unref();
  };

  const takeBatch = (): string => {
    const note = dropped > 0 ? `${JSON.stringify({ time: new Date().toISOString(), note: `${dropped} access log lines dropped: the log's reader fell behind` })}\n` : '';
    dropped = 0;
    const batch = waiting + note;
    waiting = '';
    return batch;
  };

  /** Writes what is waiting now, unless a write is under way (its end looks again). */
  function flush(): void {
    if (failed || writing !== null) return;
    if (waiting === '' && dropped === 0) return settle();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writing = Buffer.from(takeBatch(), 'utf8');
    send(writing, 0);
  }

  return {
    write(line) {
      if (failed) return;
      if (waiting.length > maxWaitingBytes) {
        dropped++;
        return;
      }
      waiting += `${line}\n`;
      if (waiting.length >= batchBytes) flush();
      else schedule();
    },
    drain() {
      if (failed || (writing === null && waiting === '' && dropped === 0)) return Promise.resolve();
      return new Promise((resolve) => {
        drained.push(resolve);
        flush();
      });
    },
    flushSync() {
      // A write under way belongs to the thread pool and finishes on its own; the rest follows it.
      if (failed || (waiting === '' && dropped === 0)) return;
      const bytes = Buffer.from(takeBatch(), 'utf8');
      const giveUp = Date.now() + SYNC_PATIENCE_MS;
      let offset = 0;
      while (offset < bytes.length && Date.now() < giveUp) {
        try {
          offset += writeSync(fd, bytes, offset, pieceEnd(bytes, offset, pieceBytes) - offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
          Atomics.wait(pause, 0, 0, RETRY_MS);
        }
      }
    },
  };
}

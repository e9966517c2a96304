import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, open, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccessLogWriter, pieceEnd } from '../../src/lib/access-log-writer.js';

const folder = mkdtempSync(join(tmpdir(), 'hearth-log-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function logFile(name: string) {
  const path = join(folder, name);
  const fd = openSync(path, 'w');
  return { fd, read: () => readFileSync(path, 'utf8'), close: () => closeSync(fd) };
}

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index} ${'x'.repeat(index % 50)}`);

describe('access log writer', () => {
  it('writes every line in order, in batches written before their time once they are large', async () => {
    const file = logFile('order.log');
    const writer = createAccessLogWriter({ fd: file.fd, batchBytes: 4096 });
    const lines = numbered(20_000);
    for (const line of lines) writer.write(line);
    await writer.drain();
    expect(file.read()).toBe(lines.map((line) => `${line}\n`).join(''));
    file.close();
  });

  it('writes nothing on the request path: lines appear a moment later', async () => {
    const file = logFile('later.log');
    const writer = createAccessLogWriter({ fd: file.fd });
    writer.write('first');
    writer.write('second');
    expect(file.read()).toBe('');
    await writer.drain();
    expect(file.read()).toBe('first\nsecond\n');
    file.close();
  });

  it('writes what is waiting synchronously when the process exits without waiting', () => {
    const file = logFile('exit.log');
    const writer = createAccessLogWriter({ fd: file.fd });
    writer.write('before exit');
    writer.flushSync();
    expect(file.read()).toBe('before exit\n');
    file.close();
  });

  it('drops lines past its bound behind a stalled reader, and says how many', async () => {
    const file = logFile('bound.log');
    const writer = createAccessLogWriter({ fd: file.fd, batchBytes: 1 << 20, maxWaitingBytes: 100 });
    for (const line of numbered(40)) writer.write(line);
    await writer.drain();
    const written = file.read().trim().split('\n');
    const note = JSON.parse(written.at(-1)!) as { note: string };
    const kept = written.length - 1;
    expect(note.note).toBe(`${40 - kept} access log lines dropped: the log's reader fell behind`);
    expect(written.slice(0, kept)).toEqual(numbered(kept));
    file.close();
  });

  it('reports a failing output once and stops trying', async () => {
    const errors: Error[] = [];
    const writer = createAccessLogWriter({ fd: 987_654, onError: (error) => errors.push(error) });
    writer.write('lost');
    await writer.drain();
    writer.write('also lost');
    await writer.drain();
    expect(errors).toHaveLength(1);
  });
});

describe('access log writer on a pipe shared by several processes', () => {
  it('cuts writes at line ends, at most PIPE_BUF long, and sends a longer line alone', () => {
    const bytes = Buffer.from('aaaa\nbbbb\ncccccccccccc\ndd\n');
    expect(pieceEnd(bytes, 0, 12)).toBe(10);
    expect(pieceEnd(bytes, 10, 12)).toBe(23);
    expect(pieceEnd(bytes, 23, 12)).toBe(bytes.length);
  });

  it("keeps every line whole when two writers' batches meet on one pipe", async () => {
    const path = join(folder, 'shared.fifo');
    execFileSync('mkfifo', [path]);
    const reader = createReadStream(path, { encoding: 'utf8' });
    let received = '';
    reader.on('data', (chunk) => (received += chunk));
    const ended = new Promise<void>((resolve) => reader.on('end', () => resolve()));
    // Opening a FIFO waits for its other end: the reader's open runs in the thread pool meanwhile.
    const fd = await new Promise<number>((resolve, reject) => open(path, 'w', (error, opened) => (error ? reject(error) : resolve(opened))));
    // As two server processes do: each its own writer, one inherited output.
    const writers = ['A', 'B'].map((name) => ({ name, writer: createAccessLogWriter({ fd }) }));
    const count = 20_000;
    for (let index = 0; index < count; index++) {
      for (const { name, writer } of writers) writer.write(`${name} ${index} ${'x'.repeat(80 + (index % 40))}`);
    }
    await Promise.all(writers.map(({ writer }) => writer.drain()));
    closeSync(fd);
    await ended;
    const lines = received.split('\n').slice(0, -1);
    expect(lines.filter((line) => !/^[AB] \d+ x+$/.test(line))).toEqual([]);
    for (const name of ['A', 'B']) {
      const numbers = lines.filter((line) => line.startsWith(`${name} `)).map((line) => Number(line.split(' ')[1]));
      expect(numbers).toEqual(Array.from({ length: count }, (_, index) => index));
    }
  });
});

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccessLogWriter } from '../../src/lib/access-log-writer.js';

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

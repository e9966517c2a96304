import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { commitTogether } from '../../src/db/group-commit.js';

// Every fdatasync of a WAL file goes through here, so a test can hold it and see what waits for it.
const flushes = vi.hoisted(() => ({ paths: [] as string[], gate: null as null | { promise: Promise<void>; open(): void; fail(error: Error): void } }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const fdatasync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    flushes.paths.push(actual.readlinkSync(`/proc/self/fd/${fd}`));
    (flushes.gate?.promise ?? Promise.resolve()).then(
      () => actual.fdatasync(fd, callback),
      (error: NodeJS.ErrnoException) => callback(error),
    );
  };
  return { ...actual, default: { ...actual, fdatasync }, fdatasync };
});

/** Holds every WAL flush until `open()` (or fails them all with `fail()`). */
function holdFlushes() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  promise.catch(() => {});
  flushes.gate = { promise, open, fail };
  return flushes.gate;
}

let folder: string;
let db: Db;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-group-commit-'));
  db = openDatabase(join(folder, 'test.db'));
  db.$client.exec('create table notes (id integer primary key, text text not null)');
});
afterEach(() => {
  flushes.gate = null;
  flushes.paths.length = 0;
  closeDatabase(db);
  rmSync(folder, { recursive: true, force: true });
});

// Writes go through the same connection the batch's transaction is open on, as services' do.
const insert = (text: string) => () => {
  db.$client.prepare('insert into notes (text) values (?)').run(text);
  return text;
};
const texts = () => db.$client.prepare('select text from notes order by id').pluck().all();
const committedElsewhere = () => {
  const other = openDatabase(join(folder, 'test.db'));
  try {
    return other.$client.prepare('select text from notes order by id').pluck().all();
  } finally {
    closeDatabase(other);
  }
};

describe('commitTogether', () => {
  it('commits the writes of one event-loop turn in one transaction, and answers each once committed', async () => {
    const transactions = vi.spyOn(db, 'transaction');
    const pending = ['one', 'two', 'three'].map((text) => commitTogether(db, insert(text)));
    expect(committedElsewhere()).toEqual([]);
    expect(await Promise.all(pending)).toEqual(['one', 'two', 'three']);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(committedElsewhere()).toEqual(['one', 'two', 'three']);

    await commitTogether(db, insert('four'));
    expect(transactions).toHaveBeenCalledTimes(2);
  });

  it('rolls back a failing write alone and gives it its own error', async () => {
    const failing = commitTogether(db, () => {
      insert('half done')();
      throw new Error('refused');
    });
    const fine = commitTogether(db, insert('kept'));
    await expect(failing).rejects.toThrow('refused');
    expect(await fine).toBe('kept');
    expect(committedElsewhere()).toEqual(['kept']);
  });

  it('never acknowledges a write that was not committed when the disk is full', async () => {
    db.$client.pragma(`max_page_count = ${Number(db.$client.pragma('page_count', { simple: true })) + 2}`);
    const big = 'x'.repeat(3000);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => commitTogether(db, insert(`${index} ${big}`))));
    expect(results.some((result) => result.status === 'rejected')).toBe(true);
    const acknowledged = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(committedElsewhere()).toEqual(acknowledged);
    expect(texts()).toEqual(acknowledged);
  });
});

describe('commitTogether and the disk', () => {
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    void promise.then(() => (done = true), () => (done = true));
    // Several turns of the event loop: time enough for anything not waiting on the flush.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    return done;
  };

  it('acknowledges a batch only after its WAL is flushed, without holding the request thread', async () => {
    const gate = holdFlushes();
    const pending = Promise.all(['one', 'two'].map((text) => commitTogether(db, insert(text))));
    expect(await settled(pending)).toBe(false);
    // Committed (other connections see it) but not yet on disk, hence not acknowledged.
    expect(committedElsewhere()).toEqual(['one', 'two']);
    expect(flushes.paths).toEqual([join(folder, 'test.db-wal')]);
    // The connection is back to FULL for every other write.
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    gate.open();
    expect(await pending).toEqual(['one', 'two']);
  });

  it('holds writes that arrive during a flush and commits them together, with one flush, once it is done', async () => {
    const gate = holdFlushes();
    const transactions = vi.spyOn(db, 'transaction');
    const first = commitTogether(db, insert('first'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commitTogether(db, insert('second'))];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(commitTogether(db, insert('third')));
    expect(await settled(Promise.all(later))).toBe(false);
    expect(committedElsewhere()).toEqual(['first']);
    expect(flushes.paths).toHaveLength(1);
    expect(transactions).toHaveBeenCalledTimes(1);
    gate.open();
    expect(await first).toBe('first');
    expect(await Promise.all(later)).toEqual(['second', 'third']);
    expect(transactions).toHaveBeenCalledTimes(2);
    expect(flushes.paths).toHaveLength(2);
    expect(committedElsewhere()).toEqual(['first', 'second', 'third']);
  });

  it('goes on committing after a failed flush', async () => {
    const gate = holdFlushes();
    const unsure = commitTogether(db, insert('unsure'));
    await new Promise((resolve) => setImmediate(resolve));
    const next = commitTogether(db, insert('next'));
    gate.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(unsure).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
    flushes.gate = null;
    expect(await next).toBe('next');
    expect(committedElsewhere()).toEqual(['unsure', 'next']);
  });

  it('answers a failed flush with an I/O error the app shows as "try again", never as acknowledged', async () => {
    const gate = holdFlushes();
    const pending = commitTogether(db, insert('unsure'));
    gate.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(pending).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
  });

  it('does not wait for a flush when the database runs with synchronous=NORMAL', async () => {
    const normal = openDatabase(join(folder, 'normal.db'), { synchronous: 'NORMAL' });
    try {
      normal.$client.exec('create table notes (id integer primary key, text text not null)');
      holdFlushes();
      const write = commitTogether(normal, () => normal.$client.prepare('insert into notes (text) values (?)').run('quick').changes);
      expect(await write).toBe(1);
      expect(flushes.paths).toEqual([]);
    } finally {
      closeDatabase(normal);
    }
  });
});

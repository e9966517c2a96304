import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointWal } from '../../src/db/checkpoint.js';
import { closeDatabase, JOURNAL_SIZE_LIMIT_BYTES, openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';

// The server's periodic checkpoint keeps the WAL bounded: it never waits for readers, and empties
// the file once no reader holds an old snapshot.

const folder = mkdtempSync(join(tmpdir(), 'hearth-wal-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const walSize = (path: string) => statSync(`${path}-wal`).size;

describe('the WAL checkpoint', () => {
  it('lets the WAL grow only while a reader holds a snapshot, then truncates it', () => {
    const path = join(folder, 'grow.db');
    const db = openDatabase(path);
    migrateDatabase(db);
    expect(Number(db.$client.pragma('journal_size_limit', { simple: true }))).toBe(JOURNAL_SIZE_LIMIT_BYTES);
    db.$client.exec('create table filler (body text not null)');
    // Another process (a backup, an operator's sqlite3 shell) reading from an old snapshot.
    const reader = new Database(path);
    reader.exec('begin');
    reader.prepare('select count(*) from filler').get();
    const insert = db.$client.prepare('insert into filler (body) values (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(2000)}`);
    const grown = walSize(path);
    expect(grown).toBeGreaterThan(4 * 1024 * 1024);

    const warnings: string[] = [];
    const blocked = checkpointWal(db, (message) => warnings.push(message));
    expect(blocked?.mode).toBe('PASSIVE');
    expect(blocked!.checkpointed).toBeLessThan(blocked!.walFrames);
    expect(walSize(path)).toBe(grown);

    reader.exec('commit');
    const done = checkpointWal(db, (message) => warnings.push(message));
    expect(done).toMatchObject({ mode: 'TRUNCATE', busy: false });
    expect(walSize(path)).toBe(0);
    expect(warnings).toEqual([]);
    // The connection's busy timeout is back to what it was.
    expect(Number(db.$client.pragma('busy_timeout', { simple: true }))).toBe(5000);
    expect(db.$client.prepare('select count(*) as n from filler').get()).toEqual({ n: 2000 });
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.close();
    closeDatabase(db);
  });

  it('keeps the WAL bounded under a steady stream of writes with a checkpoint between batches', () => {
    const path = join(folder, 'steady.db');
    const db = openDatabase(path);
    db.$client.exec('create table filler (body text not null)');
    const insert = db.$client.prepare('insert into filler (body) values (?)');
    const sizes: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      db.$client.transaction(() => {
        for (let i = 0; i < 300; i++) insert.run('y'.repeat(2000));
      })();
      checkpointWal(db, () => undefined);
      sizes.push(walSize(path));
    }
    expect(sizes).toEqual(sizes.map(() => 0));
    closeDatabase(db);
  });

  it('logs a failed checkpoint instead of throwing', () => {
    const db = openDatabase(join(folder, 'closed.db'));
    closeDatabase(db);
    const warnings: string[] = [];
    expect(checkpointWal(db, (message) => warnings.push(message))).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WAL checkpoint failed: /);
  });
});

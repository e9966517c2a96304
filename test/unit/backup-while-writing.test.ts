import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { backupDatabase } from '../../src/operations/backup.js';
import { migrateDatabase } from '../../src/db/migrate.js';

// A backup must finish while another connection (the server) keeps writing between its steps:
// SQLite's backup API starts over after every such write, so a copy made in small steps never ends.

const folder = mkdtempSync(join(tmpdir(), 'hearth-backup-writing-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('backup while another connection writes', () => {
  it('finishes with a consistent copy holding every row committed before it began', async () => {
    const path = join(folder, 'source.db');
    const db = openDatabase(path);
    // A Hearth database, as the backup command meets it (it records its time in the settings).
    migrateDatabase(db);
    db.$client.exec('create table filler (id integer primary key, body blob not null)');
    const insert = db.$client.prepare('insert into filler (body) values (randomblob(2000))');
    // ~2,500 pages: 25 steps of 100 pages, each overtaken by the writer below.
    db.$client.transaction(() => {
      for (let row = 0; row < 5000; row += 1) insert.run();
    })();
    const writer = new Database(path);
    const write = writer.prepare('insert into filler (body) values (randomblob(2000))');
    let writing = true;
    let writes = 0;
    const keepWriting = () => {
      if (!writing) return;
      write.run();
      writes += 1;
      setImmediate(keepWriting);
    };
    setImmediate(keepWriting);

    const copyPath = join(folder, 'copy.db');
    await backupDatabase(db, copyPath);
    writing = false;

    const copy = new Database(copyPath, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = copy.prepare('select count(*) from filler').pluck().get() as number;
    expect(rows).toBeGreaterThanOrEqual(5000);
    expect(rows).toBeLessThanOrEqual(5000 + writes);
    expect(writes).toBeGreaterThan(0);
    copy.close();
    writer.close();
    closeDatabase(db);
  });
});

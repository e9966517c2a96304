import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { commitTogether } from '../../src/db/group-commit.js';

let folder: string;
let db: Db;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-group-commit-'));
  db = openDatabase(join(folder, 'test.db'));
  db.$client.exec('create table notes (id integer primary key, text text not null)');
});
afterEach(() => {
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

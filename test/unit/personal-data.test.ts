import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { internalTables, personalData } from '../../src/privacy/personal-data.js';

// The map of personal data must name every column of the live schema: a column added by a later
// migration and not placed in src/privacy/personal-data.ts fails here, before erasure or the
// export can forget it.

const db = openDatabase(':memory:', { synchronous: 'NORMAL' });
migrateDatabase(db);
afterAll(() => closeDatabase(db));

const tables = (db.$client.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]).filter((name) => !internalTables.test(name));
const columnsOf = (table: string) => db.$client.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[];

describe('the map of personal data', () => {
  it('names every table of the migrated schema, and no table that is not in it', () => {
    expect(Object.keys(personalData).sort()).toEqual([...tables].sort());
  });

  it.each(tables)('places every column of %s exactly once', (table) => {
    const map = personalData[table]!;
    const placed = [...Object.keys(map.personal ?? {}), ...map.other];
    expect([...placed].sort()).toEqual(columnsOf(table).sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it.each(tables.filter((table) => personalData[table]!.owner !== undefined))('names a real column as the owner of %s rows', (table) => {
    expect(columnsOf(table)).toContain(personalData[table]!.owner);
  });

  it('says why and for how long for every table holding personal data', () => {
    const unexplained = Object.entries(personalData).filter(([, map]) => map.personal && (!map.kept || !map.about)).map(([table]) => table);
    expect(unexplained).toEqual([]);
  });
});

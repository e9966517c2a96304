import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('docs/privacy.md', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const doc = readFileSync(join(root, 'docs/privacy.md'), 'utf8');

  it('lists every table that holds personal data, from the map', () => {
    const missing = Object.entries(personalData).filter(([table, map]) => map.personal && !doc.includes(`| \`${table}\` | ${map.about} |`)).map(([table]) => table);
    expect(missing).toEqual([]);
  });

  it('lists every cookie the code sets (every hearth_ name in src/)', () => {
    const names = new Set<string>();
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/['"`](hearth_[a-z_]+)['"`]/g)) names.add(match[1]!);
      }
    };
    walk(join(root, 'src'));
    expect(names.size).toBeGreaterThan(4);
    expect([...names].filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });
});

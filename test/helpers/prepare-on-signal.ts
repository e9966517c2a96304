import { createInterface } from 'node:readline';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';
import { prepareDatabase } from '../../src/operations/start-lock.js';

// A process that loads everything, then waits for a line on stdin before it migrates and seeds the
// database named in argv, as the server's start does: several of them released by one signal
// start on a new file within a millisecond of each other, which separate `npm start`s rarely do.
// Prints "seeded" or "found seeded" and exits 0, or exits 1 with the error.

const databasePath = process.argv[2]!;
const db = openDatabase(databasePath);
const markdown = createMarkdownRenderer();
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
lines.close();
try {
  const seeded = await prepareDatabase(db, () => seedDemo({ db, markdown, now: Date.now }));
  process.stdout.write(seeded ? 'seeded\n' : 'found seeded\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await markdown.close();
  closeDatabase(db);
}

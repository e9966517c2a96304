import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeUser } from '../../src/demo/factories.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';
import { prepareDatabase, startServers, type SpawnedServer } from '../helpers/spawned-server.js';

// Two real server processes on one database file, as an operator runs several behind a proxy:
// an account locked by failures through one stays locked through the other.

const folder = mkdtempSync(join(tmpdir(), 'hearth-processes-'));
const servers: SpawnedServer[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(folder, { recursive: true, force: true });
});

function signIn(base: string, password: string) {
  return fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ login: 'greta', password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
  });
}

describe('several server processes on one database', () => {
  it('keeps a sign-in lockout reached through one process on the other', async () => {
    const { databasePath } = await prepareDatabase(join(folder, 'shared.db'));
    const db = openDatabase(databasePath);
    const markdown = createMarkdownRenderer();
    await makeUser({ db, markdown, now: Date.now }, { username: 'greta', password: 'greta has a long password' });
    await markdown.close();
    closeDatabase(db);
    const [first, second] = await startServers(databasePath, [{ RATE_LIMIT: 'on' }, { RATE_LIMIT: 'on' }]);
    servers.push(first!, second!);

    for (let i = 0; i < 10; i++) expect((await signIn(first!.base, 'not her password')).status).toBe(422);
    const locked = await signIn(second!.base, 'greta has a long password');
    expect(locked.status).toBe(422);
    expect(await locked.text()).toContain('That username or email and password do not match');
    // The process that counted the failures agrees.
    expect((await signIn(first!.base, 'greta has a long password')).status).toBe(422);
  }, 90_000);
});

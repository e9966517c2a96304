import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase, startServer } from '../helpers/spawned-server.js';

// The access log of the real server process, read from its standard output: every request's line
// arrives, in the order the requests were answered, with the client's address — also the lines of
// requests answered just before a stop.

const folder = mkdtempSync(join(tmpdir(), 'hearth-access-log-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Line = { id: string; method: string; path: string; status: number; client?: string };

function accessLines(output: string): Line[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
    .filter((line) => typeof line.id === 'string');
}

async function requestWithId(url: string, id: string): Promise<number> {
  const response = await fetch(url, { headers: { 'x-request-id': id } });
  await response.arrayBuffer();
  return response.status;
}

describe('access log', () => {
  it('writes one line per request, in order, with the client address, cached pages included', async () => {
    const { databasePath, threadId } = await prepareDatabase(join(folder, 'order.db'));
    const server = await startServer(databasePath, { LOG_LEVEL: 'info' });
    const ids: string[] = [];
    // The first view renders through the app; the later ones are served from the page cache.
    for (let index = 0; index < 30; index++) {
      const id = `order-${String(index).padStart(4, '0')}`;
      ids.push(id);
      const path = index % 10 === 9 ? '/no-such-page' : `/t/${threadId}/durability-thread`;
      await requestWithId(`${server.base}${path}`, id);
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // The start-up probe of /healthz is logged too, before these.
    const lines = accessLines(server.output()).filter((line) => line.id.startsWith('order-'));
    expect(lines.map((line) => line.id)).toEqual(ids);
    expect(lines.every((line) => line.client === '127.0.0.1' && line.method === 'GET')).toBe(true);
    expect(lines.filter((line) => line.status === 404).map((line) => line.path)).toEqual(['/no-such-page', '/no-such-page', '/no-such-page']);
  }, 60_000);

  it('still writes the lines of requests answered just before a graceful stop', async () => {
    const { databasePath, threadId } = await prepareDatabase(join(folder, 'stop.db'));
    const server = await startServer(databasePath, { LOG_LEVEL: 'info' });
    const url = `${server.base}/t/${threadId}/durability-thread`;
    await requestWithId(url, 'warm-up-view');
    const ids = Array.from({ length: 200 }, (_, index) => `stop-${String(index).padStart(4, '0')}`);
    const answered = ids.map((id) => requestWithId(url, id));
    // Stopped as soon as the last answer arrives: no waiting for the log to be written first.
    expect(await Promise.all(answered)).toEqual(ids.map(() => 200));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const logged = accessLines(server.output()).map((line) => line.id);
    expect(logged.filter((id) => id.startsWith('stop-')).sort()).toEqual(ids);
    expect(logged.every((id, index) => index === 0 || logged.indexOf(id) === index)).toBe(true);
  }, 60_000);
});

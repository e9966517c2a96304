import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createSession } from '../../src/auth/session.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';

// The real server in its own process, as an operator runs it (`node src/server.ts` through tsx).

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A migrated database with a category, a writer, a thread and the writer's session cookie. */
export async function prepareDatabase(databasePath: string) {
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  const markdown = createMarkdownRenderer();
  const ctx = { db, markdown, now: Date.now };
  makeCategory(ctx, { name: 'Kettles', slug: 'kettles' });
  const user = await makeUser(ctx, { username: 'writer' });
  const thread = await makeThread(ctx, user, { category: 'kettles', title: 'Durability thread', body: 'start' });
  const { token } = createSession(db, user.id, Date.now());
  await markdown.close();
  closeDatabase(db);
  return { databasePath, threadId: thread.threadId, cookie: `hearth_session=${token}` };
}

/** `output()`: everything the server has written to stdout and stderr so far (the access log at LOG_LEVEL info, warnings). */
export type SpawnedServer = { child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string };

/** Starts the server on a free port; `env` adds to or overrides its environment (WORKERS, SMTP_URL, RATE_LIMIT…). */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1', BASE_URL: base, DEMO_SEED: '0', RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Read as it comes, so a chatty server never blocks on a full pipe.
  let written = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const output = () => written;
  // 'close' rather than 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, exited, output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start within 30 s');
}

export function postReply(base: string, cookie: string, threadId: number, body: string) {
  return fetch(`${base}/t/${threadId}/replies`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ body }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
  });
}

/**
 * Starts one server per environment on the same database, at once. If any fails to start, those
 * that did are stopped before the failure is thrown, so no server outlives its test.
 */
export async function startServers<const Envs extends readonly Record<string, string>[]>(databasePath: string, envs: Envs): Promise<{ [K in keyof Envs]: SpawnedServer }> {
  const started = await Promise.allSettled(envs.map((env) => startServer(databasePath, env)));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure === undefined) return started.map((result) => (result as PromiseFulfilledResult<SpawnedServer>).value) as { [K in keyof Envs]: SpawnedServer };
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const server of running) server.child.kill('SIGTERM');
  await Promise.all(running.map((server) => server.exited));
  throw failure.reason;
}

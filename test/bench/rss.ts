import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectPath } from '../../src/lib/paths.js';
import { parseArgs, runMain, UsageError } from './args.js';
import { ensureBuild, freePort, startApp } from './processes.js';
import { defaultDatasetPath } from './seed.js';
import { loadTargets } from './targets.js';

/*
 * `tsx test/bench/rss.ts [--posts 10000] [--replies 100000] [--connections 16] [--app DIR]`
 *
 * Memory over a long stream of replies (target: RSS ≤ 300 MB after 100k replies). Starts the
 * production build on a copy of the dataset, posts replies as the signed-in bench user from
 * `--connections` concurrent loops, samples the server's RSS every 250 ms, and prints RSS at
 * every tenth of the run plus the peak. Replies are not timed here; `npm run bench` does that.
 */

const TARGET_MB = 300;

function rssBytes(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  return match ? Number(match[1]) * 1024 : 0;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['posts', 'replies', 'connections', 'app', 'seed'], flags: [] });
  const posts = Math.round(args.number('posts', 10_000));
  const replies = Math.round(args.number('replies', 100_000));
  const connections = Math.max(1, Math.round(args.number('connections', 16)));
  const seed = Math.round(args.number('seed', 1));
  const appRoot = resolve(args.get('app') ?? projectPath('.'));
  const dataset = resolve(defaultDatasetPath(posts));
  if (!existsSync(dataset)) throw new UsageError(`No dataset at ${dataset}: build it first with npm run bench:seed -- --posts ${posts}.`);
  ensureBuild({ appRoot, allowTypeErrors: false, log: (line) => console.error(line) });
  const work = mkdtempSync(join(dirname(dataset), '.rss-'));
  const copy = join(work, 'hearth.db');
  copyFileSync(dataset, copy);
  const app = await startApp({ appRoot, databasePath: copy, port: await freePort(), logFile: join(work, 'server.log') });
  try {
    const targets = loadTargets(copy, seed);
    const headers = { cookie: targets.cookie, origin: app.origin, 'content-type': 'application/x-www-form-urlencoded' };
    let sent = 0;
    let done = 0;
    let failed = 0;
    let peak = 0;
    const marks: { replies: number; rssMb: number }[] = [{ replies: 0, rssMb: rssBytes(app.pid) / 2 ** 20 }];
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(app.pid));
    }, 250);
    const started = performance.now();
    const loop = async () => {
      while (sent < replies) {
        const index = sent++;
        const text = `${targets.replyBodies[index % targets.replyBodies.length]!}\n\n(memory run reply ${index})`;
        const response = await fetch(app.origin + targets.replyPaths[index % targets.replyPaths.length]!, { method: 'POST', headers, body: `body=${encodeURIComponent(text)}`, redirect: 'manual' });
        const answer = await response.text();
        if (response.status !== 303 && failed++ === 0) console.error(`First reply not answered 303: ${response.status} ${answer.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 400)}`);
        done += 1;
        if (done % Math.max(1, Math.floor(replies / 10)) === 0) {
          marks.push({ replies: done, rssMb: rssBytes(app.pid) / 2 ** 20 });
          console.error(`  ${done.toLocaleString('en')} replies, RSS ${marks.at(-1)!.rssMb.toFixed(0)} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const peakMb = Math.max(peak, rssBytes(app.pid)) / 2 ** 20;
    console.log(`\nHearth memory run — ${posts.toLocaleString('en')}-post dataset, ${done.toLocaleString('en')} replies in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s), ${failed} not answered 303\n`);
    console.log('| replies | RSS MB |\n|--------:|-------:|');
    for (const mark of marks) console.log(`| ${mark.replies.toLocaleString('en')} | ${mark.rssMb.toFixed(0)} |`);
    console.log(`\nPeak RSS ${peakMb.toFixed(0)} MB: ${peakMb <= TARGET_MB ? 'met' : 'MISS'} (target ≤ ${TARGET_MB} MB after ${replies.toLocaleString('en')} replies)`);
    if (failed > 0 || peakMb > TARGET_MB) process.exitCode = 1;
  } finally {
    await app.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);

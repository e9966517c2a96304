import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A real nginx (Debian's package) running deploy/nginx.conf, unprivileged and self-contained:
// its cache, temporary files, pid and logs live in the test's folder. The shipped file is used as
// it is, with only the values it marks "change:" replaced (and, for purge, its "#purge " lines
// switched on, as an operator does), so the test exercises the directives operators get.

export const NGINX = '/usr/sbin/nginx';
export const PURGE_MODULE = '/usr/lib/nginx/modules/ngx_http_cache_purge_module.so';
const SHIPPED = join(import.meta.dirname, '../../deploy/nginx.conf');

/** `purgePort` is where the purge listener goes when `purge` switches it on. */
export type NginxOptions = { folder: string; upstream: string; port: number; purge: boolean; purgePort?: number };

/** Replaces exactly one match, so a reshaped deploy/nginx.conf breaks the test loudly. */
function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
  if (matches !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${matches}`);
  return text.replace(pattern, replacement);
}

/** deploy/nginx.conf with this test's upstream, listen address and cache folder. */
export function siteConfig(options: NginxOptions): string {
  let text = readFileSync(SHIPPED, 'utf8');
  text = replaceOnce(text, /^proxy_cache_path \S+/m, `proxy_cache_path ${join(options.folder, 'cache')}`);
  text = replaceOnce(text, /^(\s*)server 127\.0\.0\.1:3000;/m, `$1server ${options.upstream};`);
  text = replaceOnce(text, /^(\s*)listen 80;/m, `$1listen 127.0.0.1:${options.port};`);
  if (!options.purge) return text;
  text = text.replace(/^#purge /gm, '');
  return replaceOnce(text, /^(\s*)listen 127\.0\.0\.1:8080;/m, `$1listen 127.0.0.1:${options.purgePort};`);
}

/** The main configuration around it, as Debian's /etc/nginx/nginx.conf is around conf.d/. */
function mainConfig(folder: string, purge: boolean): string {
  const temp = (name: string) => join(folder, 'temp', name);
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(temp(name), { recursive: true });
  return [
    // As root (CI), workers would otherwise switch to `nobody` and could not write the cache.
    process.getuid?.() === 0 ? 'user root;' : '',
    purge ? `load_module ${PURGE_MODULE};` : '',
    'worker_processes 1;',
    `error_log ${join(folder, 'error.log')} warn;`,
    `pid ${join(folder, 'nginx.pid')};`,
    'events { worker_connections 256; }',
    'http {',
    // As Debian's stock nginx.conf has them around conf.d/.
    '  sendfile on; tcp_nopush on; types_hash_max_size 2048;',
    `  access_log ${join(folder, 'access.log')};`,
    `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')}; fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
    `  include ${join(folder, 'hearth.conf')};`,
    '}',
    '',
  ].join('\n');
}

export type RunningNginx = { base: string; port: number; child: ChildProcess; errorLog: () => string; stop: () => Promise<void> };

/** Starts nginx on `port` in front of `upstream` (host:port) and waits until it answers. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const { folder, port } = options;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'hearth.conf'), siteConfig(options));
  writeFileSync(join(folder, 'nginx.conf'), mainConfig(folder, options.purge));
  const errorFile = join(folder, 'error.log');
  const errorLog = () => (existsSync(errorFile) ? readFileSync(errorFile, 'utf8') : '');
  const child = spawn(NGINX, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-e', errorFile, '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, port, child, errorLog, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`nginx did not start: ${errorLog() || 'no error log'}`);
}

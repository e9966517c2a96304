const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

export type Logger = {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

/** Plain lines on stdout/stderr: the process manager adds timestamps. */
export function createLogger(level: LogLevel): Logger {
  const enabled = (wanted: LogLevel) => levels[wanted] >= levels[level];
  return {
    debug: (message) => enabled('debug') && console.log(message),
    info: (message) => enabled('info') && console.log(message),
    warn: (message) => enabled('warn') && console.warn(`warning: ${message}`),
    error: (message, error) => enabled('error') && console.error(message, error instanceof Error ? (error.stack ?? error.message) : (error ?? '')),
  };
}

// Paths are logged, query strings never (search terms, mailed-link tokens). A few paths carry an
// identifier that is half of a credential: a session's id (`/account/sessions/ID/end`), or a whole
// `id.secret` token pasted into a URL by someone. Those parts are replaced before a path is logged.
const SESSION_PATH = /^(\/account\/sessions\/)(?!end-others(?:\/|$))[^/]+/i;
const TOKEN_SHAPED = /^[A-Za-z0-9_-]{16,}(?:\.|%2e)[A-Za-z0-9_-]{16,}$/i;

// A token needs a dot between its halves (perhaps escaped as %2e); most paths have neither.
const MAY_HOLD_TOKEN = /[.%]/;

/** The path as the logs may show it. */
export function loggedPath(path: string): string {
  // Every request is logged: the common path costs one scan, not a split and a join.
  if (!MAY_HOLD_TOKEN.test(path)) return path.replace(SESSION_PATH, '$1:id');
  return path
    .replace(SESSION_PATH, '$1:id')
    .split('/')
    .map((segment) => (TOKEN_SHAPED.test(segment) ? ':token' : segment))
    .join('/');
}

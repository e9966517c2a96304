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

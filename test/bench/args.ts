// `--name value` and `--flag` parsing for the bench commands (no dependency for twenty lines).

export type Args = { get(name: string): string | undefined; number(name: string, fallback: number): number; flag(name: string): boolean };

export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [name, inline] = argument.startsWith('--') ? argument.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name && known.flags.includes(name)) {
      flags.add(name);
    } else if (name && known.values.includes(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      values.set(name, value);
    } else {
      const all = [...known.values.map((value) => `--${value} V`), ...known.flags.map((flag) => `--${flag}`)].join(' ');
      throw new UsageError(`Unknown argument "${argument}". Known: ${all}`);
    }
  }
  return {
    get: (name) => values.get(name),
    number(name, fallback) {
      const raw = values.get(name);
      if (raw === undefined) return fallback;
      const parsed = Number(raw.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
      if (!Number.isFinite(parsed) || parsed < 0) throw new UsageError(`--${name} must be a non-negative number (got "${raw}").`);
      return parsed;
    },
    flag: (name) => flags.has(name),
  };
}

export class UsageError extends Error {}

/** Runs a command's main, printing a one-line message (not a stack) for bad usage. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(error.message);
      else console.error(error);
      process.exit(1);
    },
  );
}

import { parseArgs } from 'node:util';

/** A positive integer option that may be set by a `--flag` or an environment variable. */
export interface IntegerOption {
  flag: string;
  env: string;
  defaultValue: number;
  description: string;
  min?: number;
}

/**
 * Reads integer options from the command line first, then the environment, then the
 * defaults. Prints help and exits for `--help`. Prints the error and exits with status 2 on
 * an unknown option or an invalid value.
 */
export function readIntegerOptions<K extends string>(
  benchmark: string,
  options: Record<K, IntegerOption>,
  argv: string[] = process.argv.slice(2),
): Record<K, number> {
  try {
    return parseIntegerOptions(benchmark, options, argv);
  } catch (error) {
    process.stderr.write(`${benchmark}: ${error instanceof Error ? error.message : String(error)}\nRun with --help to list the options.\n`);
    process.exit(2);
  }
}

function parseIntegerOptions<K extends string>(
  benchmark: string,
  options: Record<K, IntegerOption>,
  argv: string[] = process.argv.slice(2),
): Record<K, number> {
  const entries = Object.entries(options) as [K, IntegerOption][];
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(entries.map(([, option]) => [option.flag, { type: 'string' as const }])),
    },
    strict: true,
  });

  if (values.help === true) {
    const lines = entries.map(
      ([, option]) => `  --${option.flag} N  ${option.description} (env ${option.env}, default ${option.defaultValue})`,
    );
    process.stdout.write(`Usage: ${benchmark} [options]\n${lines.join('\n')}\n`);
    process.exit(0);
  }

  const result = {} as Record<K, number>;
  for (const [key, option] of entries) {
    const raw = (values as Record<string, unknown>)[option.flag] ?? process.env[option.env];
    const value = raw === undefined ? option.defaultValue : Number(raw);
    const min = option.min ?? 1;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new Error(`Invalid --${option.flag} (${option.env}) "${String(raw)}": expected an integer >= ${min}.`);
    }
    result[key] = value;
  }
  return result;
}

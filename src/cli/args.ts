// Argument parsing shared by every command: a small tokenizer of options and positionals, then the command's
// own zod schema. Unknown options, missing values and invalid values are usage errors in Japanese.
import type { z } from 'zod';
import { EXIT_OK, usageError, type CliIO } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positionals: string[];
}

/** Splits argv into options (per `spec`) and positionals; unknown options and missing values throw UsageError. */
export function parseArgv(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (!Object.prototype.hasOwnProperty.call(spec, name)) throw new UsageError(`不明なオプションです: ${arg}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      name = byShort.get(arg.slice(1));
      if (name === undefined) throw new UsageError(`不明なオプションです: ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }

    const shown = arg.startsWith('--') ? `--${name}` : arg;
    if (spec[name]!.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${shown} には値を付けません。`);
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) {
        throw new UsageError(`${shown} の後に値を指定してください。`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`${shown} の値が空です。`);
    options[name] = value;
  }
  return { options, positionals };
}

/** Tokenizes argv and validates it with the command's schema (positionals under `paths`); throws UsageError. */
function parseCommandArgs<T>(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>, schema: z.ZodType<T>): T {
  const { options, positionals } = parseArgv(argv, spec);
  const parsed = schema.safeParse({ ...options, paths: positionals });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? '引数が正しくありません。');
  return parsed.data;
}

/** What a command accepts, and what it says when it is given no file or folder. */
export interface CommandSpec<T> {
  usage: string;
  options: Readonly<Record<string, OptionSpec>>;
  schema: z.ZodType<T>;
  noPaths: string;
}

/**
 * A command's arguments; or, when there is nothing to run, the exit code after writing what is due: the usage for
 * --help (0), or a usage error with the command's usage (2).
 */
export function commandArgs<T extends { help: boolean; paths: string[] }>(argv: readonly string[], io: CliIO, spec: CommandSpec<T>): T | number {
  let args: T;
  try {
    args = parseCommandArgs(argv, spec.options, spec.schema);
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, spec.usage);
    throw err;
  }
  if (args.help) {
    io.stdout.write(spec.usage);
    return EXIT_OK;
  }
  if (args.paths.length === 0) return usageError(io, spec.noPaths, spec.usage);
  return args;
}

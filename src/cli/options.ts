// Parsers for numeric and enumerated options: a bad value is a usage error naming the option and what it takes.
import { Option } from 'commander';
import { CliError, EXIT } from './errors.js';

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new CliError((m) => m.cli.wholeNumber(name, value), EXIT.usage);
    return n;
  };
}

export function seconds(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new CliError((m) => m.cli.seconds(name, value), EXIT.usage);
    return Math.round(n * 1000);
  };
}

export function oneOf<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new CliError((m) => m.cli.oneOf(name, allowed.join(', '), value), EXIT.usage);
    }
    return value as T;
  };
}

/** `--lang it|en` (Italian by default): the language of everything a command prints for a person. */
export function langOption(description: string): Option {
  return new Option('--lang <lang>', description).argParser(oneOf('--lang', ['it', 'en'] as const)).default('it');
}

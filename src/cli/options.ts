// Parsers for numeric and enumerated options: a bad value is a usage error naming the option and what it takes.
import { Option } from 'commander';
import { CliError, EXIT } from './errors.js';

/** A whole number from `min` up (digits only: no sign, exponent or hex); with `max`, up to that too. */
export function wholeNumber(name: string, min = 0, max?: number) {
  return (value: string): number => {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max)) return n;
    throw new CliError((m) => (max === undefined ? m.cli.wholeNumber(name, value, min) : m.cli.wholeNumberBetween(name, value, min, max)), EXIT.usage);
  };
}

/** A number from 0 to 100, decimals allowed with a point or a comma ("92.5", "92,5"): a maturity index threshold. */
export function percentage(name: string) {
  return (value: string): number => {
    const n = /^\d+(?:[.,]\d+)?$/.test(value.trim()) ? Number(value.trim().replace(',', '.')) : NaN;
    if (n >= 0 && n <= 100) return n;
    throw new CliError((m) => m.cli.percentage(name, value), EXIT.usage);
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

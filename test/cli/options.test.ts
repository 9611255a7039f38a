// Option values: whole numbers with a minimum (and a maximum), the --fail-under percentage, and how main reports them.
import { describe, expect, it } from 'vitest';
import { percentage, wholeNumber } from '../../src/cli/options.js';
import { CliError, EXIT } from '../../src/cli/errors.js';
import { runCli } from '../helpers/cli.js';

function refusal(parse: (value: string) => unknown, value: string): CliError {
  try {
    parse(value);
  } catch (error) {
    return error as CliError;
  }
  throw new Error(`"${value}" was accepted`);
}


describe('wholeNumber', () => {
  it('takes digits from its minimum up, and refuses signs, fractions, exponents and hex', () => {
    const atLeastOne = wholeNumber('--max-pages', 1);
    expect(atLeastOne('1')).toBe(1);
    expect(atLeastOne('300')).toBe(300);
    for (const bad of ['0', '-1', '1.5', '1e3', '0x10', '', ' ', 'many']) {
      const error = refusal(atLeastOne, bad);
      expect(error.exitCode).toBe(EXIT.usage);
      expect(error.in('it')).toBe(`--max-pages vuole un numero intero ≥ 1, non "${bad}"`);
    }
    expect(wholeNumber('--max-depth')('0')).toBe(0);
  });

  it('names the range when there is a maximum', () => {
    const port = wholeNumber('--port', 0, 65_535);
    expect(port('65535')).toBe(65_535);
    expect(refusal(port, '65536').in('en')).toBe('--port takes a whole number from 0 to 65535, not "65536"');
  });
});

describe('percentage', () => {
  it('takes 0 to 100 with decimals, after a point or a comma', () => {
    const parse = percentage('--fail-under');
    expect(parse('92.5')).toBe(92.5);
    expect(parse('92,5')).toBe(92.5);
    expect(parse('0')).toBe(0);
    expect(parse('100')).toBe(100);
    for (const bad of ['100.1', '101', '-1', '1e2', '92.', ',5', '', 'alto']) {
      const error = refusal(parse, bad);
      expect(error.exitCode).toBe(EXIT.usage);
      expect(error.in('it')).toBe(`--fail-under vuole un numero da 0 a 100, anche con decimali (92,5 o 92.5), non "${bad}"`);
    }
  });
});

describe('audit options on the command line', () => {
  it('refuses 0 pages, 0 parallel requests, a threshold over 100 and an empty --fail-on, before any request', async () => {
    const cases: [string[], string][] = [
      [['--max-pages', '0'], '--max-pages vuole un numero intero ≥ 1, non "0"'],
      [['--concurrency', '0'], '--concurrency vuole un numero intero ≥ 1, non "0"'],
      [['--fail-under', '101'], '--fail-under vuole un numero da 0 a 100, anche con decimali (92,5 o 92.5), non "101"'],
      [['--fail-on', ''], '--fail-on è vuoto: indica gli id dei controlli o dei punti, separati da virgole (es. spid,C.SI.3.3)'],
      [['--fail-on', ' , '], '--fail-on è vuoto: indica gli id dei controlli o dei punti, separati da virgole (es. spid,C.SI.3.3)'],
    ];
    for (const [options, message] of cases) {
      // 192.0.2.1 (TEST-NET-1) is never routed: a request would hang until the timeout, not give exit 2
      const result = await runCli(['audit', 'http://192.0.2.1/', ...options]);
      expect([options, result.code]).toEqual([options, EXIT.usage]);
      expect(result.stderr).toBe(`comune-audit: ${message}\n`);
    }
  });

  it('refuses an address whose host cannot be a host name, before any request', async () => {
    const italian = await runCli(['audit', 'ht!tp://bad url']);
    expect(italian.code).toBe(EXIT.usage);
    expect(italian.stderr).toBe('comune-audit: "ht!tp://bad url" non è un indirizzo valido: indica il sito del comune, per esempio https://www.comune.esempio.it\n');
    const english = await runCli(['audit', '--lang', 'en', 'www.comune$esempio.it']);
    expect(english.code).toBe(EXIT.usage);
    expect(english.stderr).toBe('comune-audit: "www.comune$esempio.it" is not a valid URL: give the comune\'s address, e.g. https://www.comune.esempio.it\n');
  });
});

// Usage errors and help in the user's language: commander's own English wording never reaches the user.
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/errors.js';
import { runCli as run } from '../helpers/cli.js';


describe('usage errors', () => {
  it('names an unknown option in Italian, with commander\'s suggestion and where the usage is', async () => {
    const result = await run(['audit', 'https://x.it', '--frmat', 'json']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe('comune-audit: opzione sconosciuta --frmat (forse --format?); l\'uso è in "comune-audit audit --help"\n');
    expect(result.stdout).toBe('');
  });

  it('speaks English with --lang en', async () => {
    const result = await run(['audit', '--lang', 'en', 'https://x.it', '--frmat', 'json']);
    expect(result.stderr).toBe('comune-audit: unknown option --frmat (did you mean --format?); usage is in "comune-audit audit --help"\n');
  });

  it('reports a missing argument, a missing value, too many arguments and an unknown command, one line each', async () => {
    const cases: [string[], string][] = [
      [['audit'], 'manca l\'argomento obbligatorio <url>'],
      [['audit', 'https://x.it', '--max-pages'], 'all\'opzione --max-pages <n> manca il valore'],
      [['audit', 'https://x.it', 'https://y.it'], 'troppi argomenti: ne servono 1, ricevuti 2'],
      [['train', '--data', 'x.csv'], 'manca l\'opzione obbligatoria -o, --output <file>'],
      [['audti'], 'comando sconosciuto "audti" (forse audit?)'],
    ];
    for (const [argv, expected] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(EXIT.usage);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toContain(`comune-audit: ${expected};`);
      expect(result.stderr).not.toMatch(/error:|missing|unknown|Did you mean/);
    }
  });
});

describe('the program\'s own --lang', () => {
  it('is accepted before the command and applies to it, in help, messages and reports', async () => {
    const help = await run(['--lang', 'en', 'audit', '--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/^Usage: comune-audit audit \[options\] \[url\]/);
    const error = await run(['--lang', 'en', 'audit', 'https://x.it', '--max-pages', 'many']);
    expect(error.stderr).toBe('comune-audit: --max-pages takes a whole number ≥ 1, not "many"\n');
    // the command's own --lang still wins when both are given, the last one read
    const last = await run(['--lang', 'en', 'audit', 'https://x.it', '--lang', 'it', '--max-pages', 'many']);
    expect(last.stderr).toBe('comune-audit: --max-pages vuole un numero intero ≥ 1, non "many"\n');
  });

  it('alone shows the program\'s help in that language, as the bare command does, not "unknown option"', async () => {
    const alone = await run(['--lang', 'en']);
    const bare = await run([]);
    expect(alone.code).toBe(bare.code);
    expect(alone.stderr + alone.stdout).toMatch(/^Usage: comune-audit \[options\] \[command\]/);
    expect(alone.stderr + alone.stdout).not.toContain('unknown option --lang');
    const wrong = await run(['--lang', 'fr']);
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.stderr).toBe('comune-audit: --lang vuole uno tra it, en, non "fr"\n');
  });

  it('is listed in the program\'s help with the exit codes', async () => {
    const italian = await run(['--help']);
    expect(italian.code).toBe(EXIT.ok);
    expect(italian.stdout).toMatch(/--lang <lang>\s+lingua dell'aiuto, dei messaggi e dei report/);
    expect(italian.stdout).toContain('Codici di uscita:\n  0   fatto\n  1   ');
    for (const code of Object.values(EXIT)) expect(italian.stdout).toMatch(new RegExp(`\\n  ${code} +\\S`));
    const english = await run(['--lang', 'en', '--help']);
    expect(english.stdout).toContain('Exit codes:\n  0   done\n');
  });
});

describe('help', () => {
  it('is in Italian by default, with commander\'s headings and defaults translated, on stdout with exit 0', async () => {
    const result = await run(['audit', '--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Uso: comune-audit audit \[opzioni\] \[url\]/);
    expect(result.stdout).toContain('Argomenti:');
    expect(result.stdout).toContain('Opzioni:');
    expect(result.stdout).toMatch(/--max-pages <n>\s+si ferma dopo questo numero di pagine\s+\(predefinito:\s+300\)/);
    expect(result.stdout).not.toMatch(/Usage:|Options:|\(default:|\[options\]/);
  });

  it('is in English with --lang en', async () => {
    const result = await run(['audit', '--lang', 'en', '--help']);
    expect(result.stdout).toMatch(/^Usage: comune-audit audit \[options\] \[url\]/);
    expect(result.stdout).toMatch(/--max-pages <n>\s+stop after this many pages\s+\(default:\s+300\)/);
  });

  it('prints no default for flags that are off unless given, in either language, and keeps the other defaults', async () => {
    const cases: [string[], string[]][] = [
      [['audit', '--help'], ['--bom', '--insecure', '--single-page']],
      [['demo', '--help'], ['--bom', '--insecure', '--single-page']],
      [['eval', '--help'], ['--json']],
      [['train', '--help'], ['--with-corpus']],
    ];
    for (const [argv, flags] of cases) {
      for (const lang of ['it', 'en']) {
        const result = await run([...argv, '--lang', lang]);
        const help = result.stdout.replace(/\s+/g, ' ');
        for (const flag of flags) expect(help, `${argv[0]} ${flag} (${lang})`).toContain(` ${flag} `);
        expect(help, `${argv[0]} (${lang})`).not.toMatch(/\((predefinito|default): false\)/);
      }
    }
    const demo = (await run(['demo', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(demo).toMatch(/--port <n> porta su cui pubblicare il sito di esempio .*\(predefinito: 0\)/);
    expect(demo).toMatch(/--max-pages <n> si ferma dopo questo numero di pagine \(predefinito: 300\)/);
  });

  it('lists every command in the program help', async () => {
    const result = await run(['--help']);
    expect(result.stdout).toMatch(/^Uso: comune-audit \[opzioni\] \[comando\]/);
    for (const command of ['audit', 'demo', 'classify', 'train', 'eval']) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });
});

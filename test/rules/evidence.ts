// The evidence contract every rule keeps (src/types.ts Evidence): the snippet is what was seen, never a sentence the
// rule composed; the rule's words are a note in both languages. Shared by the fixture walk and the demo-site audit.
import type { CheckResult } from '../../src/types.js';

/**
 * Sentences rules used to write into snippets before notes were localised. Page text on Italian comune sites does
 * not read like this, so a match means a rule put its own (English) words where only seen text belongs.
 */
const COMPOSED_SNIPPET =
  /^no [a-z]|^missing: |order ok|all mandatory items present|marker missing|not measured|single-page audit|^\d+ topics: |distinct services|certificate (?:expired|expires|rejected|valid|not valid)|does not redirect|^\(absent\)$|without lang|^Componente di valutazione non trovato$|voices present|JSON-LD without|version not found|page not found|crawled pages|is not the model's|assets read|titles(?:;|$)/;

export interface EvidenceProblem {
  check: string;
  url: string;
  problem: string;
}

/** Every evidence item that breaks the contract, with the check it came from. */
export function evidenceProblems(checks: readonly CheckResult[]): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  for (const check of checks) {
    for (const item of check.evidence) {
      const report = (problem: string) => problems.push({ check: check.id, url: item.url, problem });
      const note: unknown = item.note;
      if (note !== undefined) {
        if (typeof note !== 'object' || note === null) report(`note is a plain ${typeof note}: ${String(note)}`);
        else {
          const { it, en, ...rest } = note as Record<string, unknown>;
          if (typeof it !== 'string' || !it) report('note has no Italian text');
          if (typeof en !== 'string' || !en) report('note has no English text');
          if (Object.keys(rest).length) report(`note has extra keys: ${Object.keys(rest).join(', ')}`);
        }
      }
      if (typeof item.snippet !== 'string') report('snippet is not a string');
      else if (COMPOSED_SNIPPET.test(item.snippet)) report(`snippet reads like a rule's sentence: ${item.snippet}`);
    }
  }
  return problems;
}

// An interrupted audit judges what it can: a check that passed saw its evidence on a page read, and a check that reads
// only the home page saw all it needs; any other fail or partial may be a page not reached, so it is not judged.
import type { CheckResult, Localised, Rule } from '../types.js';

const SEEN: Record<'fail' | 'partial', Localised> = {
  fail: { it: 'non superato', en: 'failed' },
  partial: { it: 'parziale', en: 'partial' },
};

function readsOnlyTheHome(rule: Rule): boolean {
  const { pageTypes } = rule.meta;
  return Array.isArray(pageTypes) && pageTypes.length > 0 && pageTypes.every((type) => type === 'home');
}

/** checks in rule order, as runRules returns them for rules. */
export function judgedSoFar(checks: CheckResult[], rules: readonly Rule[]): CheckResult[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  return checks.map((check) => {
    const rule = byId.get(check.id);
    if ((check.status !== 'fail' && check.status !== 'partial') || !rule || readsOnlyTheHome(rule)) return check;
    const seen = SEEN[check.status];
    return {
      ...check,
      title: rule.meta.title,
      status: 'unknown',
      score: null,
      message: {
        it: `Non giudicato: l’analisi è stata interrotta prima di leggere tutto il sito (sulle pagine lette: ${seen.it})`,
        en: `Not judged: the audit was interrupted before the whole site was read (on the pages read: ${seen.en})`,
      },
      details: { ...check.details, statusOnPagesRead: check.status },
    };
  });
}

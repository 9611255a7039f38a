// Runs rules over site facts. A rule that throws becomes an `error` result; the others still run.
import type { CheckResult, Rule, SiteFacts } from '../types.js';

export function runRules(rules: readonly Rule[], site: SiteFacts): CheckResult[] {
  return rules.map((rule) => {
    const { meta } = rule;
    const base = {
      id: meta.id,
      point: meta.point,
      law: meta.law,
      weight: meta.weight,
      ...(meta.group ? { group: meta.group } : {}),
    };
    try {
      const outcome = rule.check(site);
      const title = outcome.status === 'pass' || outcome.status === 'unknown' ? meta.title : meta.failureTitle;
      return { ...base, title, ...outcome };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        title: meta.failureTitle,
        status: 'error',
        score: null,
        message: { it: `Controllo non eseguito: ${reason}`, en: `Check could not run: ${reason}` },
        evidence: [],
      };
    }
  });
}

/** The phase rules' codes (backend/projects/phases.py) in the user's words. */
import type { TFunction } from 'i18next';

export const RULE_CODES = [
  'same_phase',
  'stop_needs_reason',
  'back_needs_reason',
  'no_way_back_from_operation',
  'restart_from_stopped',
  'restart_needs_reason',
  'realisation_after_business_case',
  'realisation_needs_business_case',
  'realisation_needs_commitment',
  'operation_after_realisation',
  'operation_needs_signature',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}

/** A rule as our own sentence; a code we do not know yet shows the server's text. */
export function ruleMessage(t: TFunction, rule: { code: string; text: string }): string {
  return isRuleCode(rule.code) ? t(`projects.rules.${rule.code}`) : rule.text;
}

/** The rules a refused transition (409) names: `rules: [{code, text}]` in the problem body. */
export function rulesOfProblem(body: unknown): { code: string; text: string }[] {
  if (typeof body !== 'object' || body === null) return [];
  const rules = (body as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r) =>
    typeof r === 'object' && r !== null && typeof (r as { code?: unknown }).code === 'string'
      ? [{ code: (r as { code: string }).code, text: String((r as { text?: unknown }).text ?? '') }]
      : [],
  );
}

import { parseRuleSetJson, type RuleSet } from '@k2c/rules';
import { AppError } from '../errors';

export function parseStoredRules(rules: string): RuleSet {
  const ruleSet = parseRuleSetJson(rules);
  if (!ruleSet.ok) {
    throw new AppError('invalid_rules', 'The rules are not valid: open the plug-in settings and save them again', {
      issues: ruleSet.issues,
    });
  }
  return ruleSet.value;
}

import { checkPasswordPolicy, PASSWORD_PROBLEM_LABELS } from '@atmis/domain';
import type { RuleObject } from 'antd/es/form';
import { currentLanguage, i18n } from './i18n/index.ts';

/** An antd form rule for the shared password policy, with the policy's own labels. */
export function passwordPolicyRule(getUsername?: () => string | undefined) {
  return {
    validator: async (_rule: RuleObject, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problems = checkPasswordPolicy(value, getUsername?.());
      if (problems.length === 0) return;
      const language = currentLanguage();
      const reasons = problems.map((problem) => PASSWORD_PROBLEM_LABELS[problem][language]).join(', ');
      throw new Error(i18n.t('auth.passwordPolicy', { reasons }));
    },
  };
}

export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem =
  'too_short' | 'too_long' | 'needs_lower' | 'needs_upper' | 'needs_digit' | 'needs_symbol' | 'contains_username';

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, { vi: string; en: string }> = {
  too_short: { vi: `ít nhất ${PASSWORD_MIN_LENGTH} ký tự`, en: `at least ${PASSWORD_MIN_LENGTH} characters` },
  too_long: { vi: 'không quá 128 ký tự', en: 'at most 128 characters' },
  needs_lower: { vi: 'có chữ thường', en: 'a lower-case letter' },
  needs_upper: { vi: 'có chữ hoa', en: 'an upper-case letter' },
  needs_digit: { vi: 'có chữ số', en: 'a digit' },
  needs_symbol: { vi: 'có ký tự đặc biệt', en: 'a symbol' },
  contains_username: { vi: 'không chứa tên đăng nhập', en: 'must not contain the username' },
};

/** The password policy for every account (the demo password Demo@2026 is seeded, not chosen). */
export function checkPasswordPolicy(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (!/\p{Ll}/u.test(password)) problems.push('needs_lower');
  if (!/\p{Lu}/u.test(password)) problems.push('needs_upper');
  if (!/\d/.test(password)) problems.push('needs_digit');
  if (!/[^\p{L}\d]/u.test(password)) problems.push('needs_symbol');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

import type { FormInstance } from 'antd';
import { isApiError } from './api.ts';

/**
 * Puts the server's `errors[].path` messages under the matching form fields. Returns true when at
 * least one field took a message, so the caller can skip a second, generic banner.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!isApiError(error) || error.errors.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.errors) {
    const field = issue.path.replace(/^\/?(body[./])?/, '').split(/[./[\]]/)[0] ?? '';
    if (!fieldNames.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

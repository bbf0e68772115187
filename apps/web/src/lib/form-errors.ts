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

export type FieldNamePath = (string | number)[];
export interface ServerIssue {
  path: string;
  message: string;
}

/**
 * A server error path as an antd name path: `companions.0.person.fullName` →
 * `['companions', 0, 'person', 'fullName']` (list indexes are numbers, as Form.List names them);
 * `/body/person/citizenId` and `person[citizenId]` read the same.
 */
export function namePathOf(path: string): FieldNamePath {
  return path
    .replace(/^\/?(body[./])?/, '')
    .split(/[./[\]]/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * The field key of a name path without its list indexes (`['companions', 0, 'person', 'sex']` →
 * `companions.person.sex`), to say which paths a form has fields for.
 */
export function fieldKeyOf(name: FieldNamePath): string {
  return name.filter((segment) => typeof segment === 'string').join('.');
}

/**
 * The server's issues grouped by nested form field. `isField(name)` says whether the form has a
 * field at that name path; an issue about a group (e.g. `person.guardian`) goes to the nearest
 * field below it (`person.guardian.fullName`) when `isField` knows one through `firstFieldUnder`,
 * else it is returned in `unplaced` for a banner.
 */
export function nestedFieldErrors(
  issues: readonly ServerIssue[],
  isField: (name: FieldNamePath) => boolean,
  firstFieldUnder: (name: FieldNamePath) => FieldNamePath | null = () => null,
): { fields: { name: FieldNamePath; errors: string[] }[]; unplaced: ServerIssue[] } {
  const byField = new Map<string, { name: FieldNamePath; errors: string[] }>();
  const unplaced: ServerIssue[] = [];
  for (const issue of issues) {
    const path = namePathOf(issue.path);
    const name = path.length > 0 && isField(path) ? path : path.length > 0 ? firstFieldUnder(path) : null;
    if (!name) {
      unplaced.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unplaced };
}

/**
 * `applyServerErrors` for nested forms (a person under `person`, companions under `companions.N`):
 * puts each message under its nested field and returns the messages no field could take.
 */
export function applyNestedServerErrors(
  form: FormInstance,
  error: unknown,
  isField: (name: FieldNamePath) => boolean,
  firstFieldUnder?: (name: FieldNamePath) => FieldNamePath | null,
): { isPlaced: boolean; unplaced: ServerIssue[] } {
  if (!isApiError(error) || error.errors.length === 0) return { isPlaced: false, unplaced: [] };
  const { fields, unplaced } = nestedFieldErrors(error.errors, isField, firstFieldUnder);
  if (fields.length > 0) form.setFields(fields);
  return { isPlaced: fields.length > 0, unplaced };
}

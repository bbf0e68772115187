import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../../../lib/api.ts';
import { applyNestedServerErrors, fieldKeyOf, type FieldNamePath } from '../../../lib/form-errors.ts';

type IsField = (name: FieldNamePath) => boolean;

/**
 * The fields of a dialog by their key without list indexes (`reason`, `places.country`,
 * `reception.receivedOn`), as `isField` for `applyNestedServerErrors`.
 */
export function formFields(keys: readonly string[]): IsField {
  const known = new Set(keys);
  return (name) => typeof name.at(-1) === 'string' && known.has(fieldKeyOf(name));
}

/** An issue about one item of a multi-value field (`evidenceSources.2`) shows under the field itself. */
function listFieldOf(isField: IsField): (name: FieldNamePath) => FieldNamePath | null {
  return (name) => {
    const trimmed = [...name];
    while (trimmed.length > 0 && typeof trimmed.at(-1) === 'number') trimmed.pop();
    return trimmed.length > 0 && isField(trimmed) ? trimmed : null;
  };
}

/** Whether a write was refused because the file moved on since it was loaded (a stale `version`). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && (error.code === 'resource.version_conflict' || error.code.endsWith('.stale'));
}

/**
 * The failure state of a dialog. `fail(error)` puts the server's Vietnamese messages under the
 * fields they name (the dialog stays open with everything typed) and keeps for the banner the
 * error with only the messages no field could show (see SaveError).
 */
export function useSaveError(form: FormInstance, isField: IsField, firstFieldUnder?: (name: FieldNamePath) => FieldNamePath | null) {
  const [error, setError] = useState<unknown>(null);
  const fail = useCallback(
    (caught: unknown) => {
      const { isPlaced, unplaced } = applyNestedServerErrors(form, caught, isField, firstFieldUnder ?? listFieldOf(isField));
      setError(isPlaced && isApiError(caught) ? new ApiError({ ...caught.problem, errors: unplaced }) : caught);
    },
    [form, isField, firstFieldUnder],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, fail, clear };
}

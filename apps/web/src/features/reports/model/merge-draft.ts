/**
 * Optimistic concurrency without losing anyone's work (ADR 0003: "nothing is silently overwritten").
 *
 * When someone else saved the report after the user opened it, the user's fields are re-applied on
 * top of the latest server copy: a field the user changed keeps the user's value; a field the user
 * did not touch takes the latest value. Where both changed the same field to different values, the
 * result keeps the user's value and reports a conflict naming both, so the user decides.
 */
import { changedPaths, isSameValue, type DraftValues } from './report-draft.ts';

export interface DraftConflict {
  path: string;
  /** What the user has on screen (and kept). */
  mine: string;
  /** What the other person saved. */
  theirs: string;
  /** The value both started from. */
  original: string;
}

export interface DraftMerge {
  /** The latest copy with the user's changes re-applied. */
  draft: Record<string, string>;
  /** Fields the user changed (kept as the user typed them), sorted. */
  kept: string[];
  /** Fields both changed, to different values. */
  conflicts: DraftConflict[];
  /** Fields only the other person changed (taken from the latest copy), sorted. */
  updatedByOthers: string[];
}

const valueOf = (values: DraftValues, path: string) => (Object.hasOwn(values, path) ? values[path]! : '');

/**
 * @param loaded the server copy the user's draft started from
 * @param mine   the user's draft now
 * @param latest the server copy now
 */
export function mergeDraft(loaded: DraftValues, mine: DraftValues, latest: DraftValues): DraftMerge {
  const kept = changedPaths(loaded, mine);
  const keptSet = new Set(kept);
  const draft: Record<string, string> = {};
  for (const path of Object.keys(latest)) draft[path] = valueOf(latest, path);
  const conflicts: DraftConflict[] = [];
  for (const path of kept) {
    const original = valueOf(loaded, path);
    const theirs = valueOf(latest, path);
    const value = valueOf(mine, path);
    draft[path] = value;
    if (!isSameValue(path, original, theirs) && !isSameValue(path, value, theirs)) {
      conflicts.push({ path, mine: value, theirs, original });
    }
  }
  const updatedByOthers = changedPaths(loaded, latest).filter((path) => !keptSet.has(path));
  return { draft, kept, conflicts, updatedByOthers };
}

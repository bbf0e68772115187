import type { ReportDetail } from '@atmis/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api.ts';
import { fetchLatestReport, refreshAfterChange, reportDetailKey, useReportAction, useSaveReport } from '../api/reports-api.ts';
import { mergeDraft, type DraftConflict } from './merge-draft.ts';
import { analyseDraft, changedPaths, draftFromContent, saveContentFromDraft, type DraftValues } from './report-draft.ts';

export type ServerErrors = Readonly<Record<string, string[]>>;

function errorsByPath(error: unknown): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  if (!isApiError(error)) return found;
  for (const issue of error.errors) {
    const path = issue.path.replace(/^\/?(body[./])?(content[./])?/, '').replace(/\//g, '.');
    (found[path] ??= []).push(issue.message);
  }
  return found;
}

export const isStaleError = (error: unknown) => isApiError(error) && error.code === 'report.stale';

/**
 * The report form's state: the user's draft over the server copy it started from (`base`, at
 * `baseVersion`). Saves send that version; a 409 'report.stale' keeps the draft and lets the user
 * reload the latest copy with their own changes re-applied (mergeDraft). A newer copy that arrives
 * while nothing is pending is adopted silently; while changes are pending it is only announced.
 */
export function useReportEditor(report: ReportDetail) {
  const queryClient = useQueryClient();
  const definition = report.template.definition;
  const saveMutation = useSaveReport(report.id);
  const actionMutation = useReportAction(report.id);

  const [base, setBase] = useState<DraftValues>(() => draftFromContent(definition, report.content));
  const [draft, setDraft] = useState<DraftValues>(base);
  const [baseVersion, setBaseVersion] = useState(report.version);
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [conflicts, setConflicts] = useState<DraftConflict[]>([]);
  const [updatedByOthers, setUpdatedByOthers] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [isReloading, setIsReloading] = useState(false);

  // Refs read by async handlers and the router's blocker, which must see the latest values.
  const baseRef = useRef(base);
  const draftRef = useRef(draft);
  const versionRef = useRef(baseVersion);
  draftRef.current = draft;

  const dirtyPaths = useMemo(() => changedPaths(base, draft), [base, draft]);
  const isDirty = dirtyPaths.length > 0;
  const analysis = useMemo(() => analyseDraft(definition, draft), [definition, draft]);

  const rebase = useCallback((values: DraftValues, version: number, next: DraftValues) => {
    baseRef.current = values;
    versionRef.current = version;
    draftRef.current = next;
    setBase(values);
    setBaseVersion(version);
    setDraft(next);
  }, []);

  // A newer server copy (someone else's save, or a transition) is taken over when nothing is pending.
  useEffect(() => {
    if (report.version <= versionRef.current) return;
    if (changedPaths(baseRef.current, draftRef.current).length > 0) return;
    const values = draftFromContent(report.template.definition, report.content);
    rebase(values, report.version, values);
  }, [report, rebase]);
  const newerVersion = report.version > baseVersion && isDirty ? report : null;

  const setField = useCallback((path: string, value: string) => {
    setDraft((previous) => (previous[path] === value ? previous : { ...previous, [path]: value }));
    setServerErrors((previous) => {
      if (!(path in previous)) return previous;
      const next = { ...previous };
      delete next[path];
      return next;
    });
  }, []);

  const setFields = useCallback((values: Readonly<Record<string, string>>) => {
    setDraft((previous) => ({ ...previous, ...values }));
  }, []);

  const handleFailure = useCallback(
    (error: unknown) => {
      setFailure(error);
      setServerErrors(errorsByPath(error));
      // The status changed under the user (submitted, returned, locked elsewhere): show what the report is now.
      // The draft is kept (and listed by the page), since a newer copy is only adopted when nothing is pending.
      if (isApiError(error) && (error.code === 'report.not_editable' || error.code === 'report.transition_not_allowed'))
        void queryClient.invalidateQueries({ queryKey: reportDetailKey(report.id) });
    },
    [queryClient, report.id],
  );

  /** Saves the draft; resolves to the saved report, or null when the save failed (the failure is shown). */
  const save = useCallback(async (): Promise<ReportDetail | null> => {
    const sent = draftRef.current;
    try {
      const saved = await saveMutation.mutateAsync({
        version: versionRef.current,
        content: saveContentFromDraft(definition, sent),
      });
      const savedValues = draftFromContent(definition, saved.content);
      // Keystrokes made while the request was in flight stay; everything else shows what was stored.
      rebase(savedValues, saved.version, mergeDraft(sent, draftRef.current, savedValues).draft);
      setServerErrors({});
      setFailure(null);
      setConflicts([]);
      setUpdatedByOthers([]);
      await refreshAfterChange(queryClient, report.id, saved);
      return saved;
    } catch (error) {
      handleFailure(error);
      return null;
    }
  }, [definition, handleFailure, queryClient, rebase, report.id, saveMutation]);

  /** Saves pending changes first, then submits (or resubmits) with the saved version. */
  const submit = useCallback(
    async (action: 'submit' | 'resubmit'): Promise<boolean> => {
      if (changedPaths(baseRef.current, draftRef.current).length > 0 && !(await save())) return false;
      try {
        await actionMutation.mutateAsync({ action, body: { version: versionRef.current } });
        setFailure(null);
        setServerErrors({});
        return true;
      } catch (error) {
        handleFailure(error);
        return false;
      }
    },
    [actionMutation, handleFailure, save],
  );

  /**
   * Loads the latest copy and re-applies the user's changes on top of it; fields both changed are
   * listed as conflicts (the user's value stays on screen, the other person's is shown next to it).
   */
  const reloadKeepingMine = useCallback(
    async (known?: ReportDetail) => {
      setIsReloading(true);
      try {
        const latest = known ?? (await fetchLatestReport(queryClient, report.id));
        const latestValues = draftFromContent(latest.template.definition, latest.content);
        const merged = mergeDraft(baseRef.current, draftRef.current, latestValues);
        rebase(latestValues, latest.version, merged.draft);
        setConflicts(merged.conflicts);
        setUpdatedByOthers(merged.updatedByOthers);
        setFailure(null);
        setServerErrors({});
      } catch (error) {
        setFailure(error);
      } finally {
        setIsReloading(false);
      }
    },
    [queryClient, rebase, report.id],
  );

  const resolveConflict = useCallback(
    (conflict: DraftConflict, choice: 'mine' | 'theirs') => {
      if (choice === 'theirs') setField(conflict.path, conflict.theirs);
      setConflicts((previous) => previous.filter((item) => item.path !== conflict.path));
    },
    [setField],
  );

  const isDirtyRef = useRef(isDirty);
  isDirtyRef.current = isDirty;

  return {
    definition,
    base,
    draft,
    baseVersion,
    dirtyPaths,
    isDirty,
    isDirtyRef,
    analysis,
    serverErrors,
    conflicts,
    updatedByOthers,
    failure,
    newerVersion,
    isSaving: saveMutation.isPending,
    isSubmitting: actionMutation.isPending,
    isReloading,
    setField,
    setFields,
    save,
    submit,
    reloadKeepingMine,
    resolveConflict,
    dismissFailure: () => setFailure(null),
    dismissUpdatedByOthers: () => setUpdatedByOthers([]),
  };
}

export type ReportEditor = ReturnType<typeof useReportEditor>;

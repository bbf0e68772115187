import type { UpdatePlanImportBody } from '../../contracts/plans.ts';
import type { PlanImportResult, PlanImportWarning, PlanTask } from './schema.ts';

/**
 * The reviewer's corrections to an import, applied to the parser's proposal. Pure: agency
 * matching and mappings (which need the registry) and the parent plan are the server's part.
 */
export interface ImportReviewOutcome {
  result: PlanImportResult;
  /** Which parts changed: 'document', 'period', 'tasks', 'newTasks', 'targets', 'legalBasis', 'phases'. */
  changed: string[];
  /** The parsed values the corrections replaced (for the audit trail). */
  before: Record<string, unknown>;
  /** Corrections that do not apply (an unknown task index): nothing may be saved then. */
  errors: { path: string; message: string }[];
}

const SECTION_PREFIX = /^((?:[IVXLC]+|\d+)(?:\.(?:\d+|[a-zđ]))*)\s*[.)]?\s+(\S.*)$/u;

/**
 * The section of a task the reviewer adds: an existing section given as shown ("III.1. Công an
 * tỉnh"), by its path ("III.1") or its heading; else a new numbered section ("IV. Nhiệm vụ khác");
 * else (unnumbered text) no section row, the text being the task's section title.
 */
export function placeReviewTask(
  sections: PlanImportResult['sections'],
  section: string,
): { sectionPath: string; section: string; newSection: { path: string; heading: string } | null } {
  const wanted = section.trim();
  const existing = sections.find(
    (s) => wanted === s.path || wanted === s.heading || wanted === `${s.path}. ${s.heading}` || wanted === `${s.path} ${s.heading}`,
  );
  if (existing) return { sectionPath: existing.path, section: `${existing.path}. ${existing.heading}`, newSection: null };
  const numbered = SECTION_PREFIX.exec(wanted);
  if (numbered) {
    const path = numbered[1]!.slice(0, 50);
    const same = sections.find((s) => s.path === path);
    if (same) return { sectionPath: path, section: `${path}. ${same.heading}`, newSection: null };
    const heading = numbered[2]!.trim();
    return { sectionPath: path, section: `${path}. ${heading}`, newSection: { path, heading } };
  }
  return { sectionPath: '', section: wanted, newSection: null };
}

/** Parser warnings a correction can settle, and the test that it has. */
const SETTLED_BY: Record<string, (result: PlanImportResult) => boolean> = {
  number_blank: (r) => Boolean(r.document.number),
  number_missing: (r) => Boolean(r.document.number && r.document.symbol),
  date_blank: (r) => Boolean(r.document.date),
  date_invalid: (r) => Boolean(r.document.date),
  date_missing: (r) => Boolean(r.document.date),
  title_missing: (r) => Boolean(r.document.title),
  issuer_missing: (r) => Boolean(r.document.issuer),
  legal_basis_missing: (r) => r.legalBasis.length > 0,
  period_missing: (r) => Boolean(r.period.from || r.period.orientationTo),
  no_tasks: (r) => r.tasks.length > 0,
};

const excerpt = (value: string) => (value.length > 160 ? `${value.slice(0, 159)}…` : value);

/** The warnings about tasks, as the parser words them, for the tasks as they now are. */
function taskWarnings(tasks: readonly PlanTask[]): PlanImportWarning[] {
  const warnings: PlanImportWarning[] = [];
  const missing = new Map<string, number>();
  for (const task of tasks) {
    if (task.lead.length === 0 && task.requested.length === 0) missing.set(task.section, (missing.get(task.section) ?? 0) + 1);
  }
  for (const task of tasks) {
    if (task.deadlineText && !task.deadline && !task.recurrence && !/hằng\s+năm|hàng\s+năm/iu.test(task.deadlineText)) {
      warnings.push({
        code: 'deadline_unresolved',
        message: 'Thời hạn không ghi đủ ngày/tháng/năm; cần xác định năm khi nhập.',
        excerpt: excerpt(task.deadlineText),
      });
    }
  }
  for (const [section, n] of missing) {
    warnings.push({
      code: 'task_without_lead',
      message: `${n} nhiệm vụ tại mục "${section || '(không có mục)'}" không xác định được cơ quan chủ trì; cần phân công khi nhập.`,
      excerpt: excerpt(section),
    });
  }
  return warnings;
}

/**
 * Drops the warnings the corrections have settled (a number, a date, a lead now given) so that
 * the draft-or-issued decision at confirmation reflects the reviewed plan; the rest stay.
 */
export function reconcileImportWarnings(result: PlanImportResult, tasksChanged: boolean): PlanImportWarning[] {
  const kept = result.warnings.filter((warning) => {
    if (tasksChanged && (warning.code === 'task_without_lead' || warning.code === 'deadline_unresolved')) return false;
    const settled = SETTLED_BY[warning.code];
    return !(settled && settled(result));
  });
  return tasksChanged ? [...kept, ...taskWarnings(result.tasks)] : kept;
}

/** Applies the reviewer's corrections (all but agency mappings and the parent plan) to a copy of the result. */
export function applyImportReview(original: PlanImportResult, input: UpdatePlanImportBody): ImportReviewOutcome {
  const result = structuredClone(original);
  const changed: string[] = [];
  const before: Record<string, unknown> = {};
  const errors: ImportReviewOutcome['errors'] = [];

  if (input.document) {
    before.document = original.document;
    for (const [key, value] of Object.entries(input.document))
      if (value !== undefined) (result.document as Record<string, unknown>)[key] = value;
    changed.push('document');
  }
  if (input.period) {
    before.period = original.period;
    for (const [key, value] of Object.entries(input.period))
      if (value !== undefined) (result.period as Record<string, unknown>)[key] = value;
    changed.push('period');
  }
  if (input.tasks?.length) {
    const excluded = new Set<number>();
    const originals: Record<number, PlanTask> = {};
    input.tasks.forEach((correction, position) => {
      const task = result.tasks[correction.index];
      if (!task) {
        errors.push({ path: `tasks.${position}.index`, message: `Không có nhiệm vụ số ${correction.index}.` });
        return;
      }
      originals[correction.index] = original.tasks[correction.index]!;
      if (correction.text !== undefined) task.text = correction.text;
      if (correction.deadline !== undefined) task.deadline = correction.deadline;
      if (correction.recurrence !== undefined) task.recurrence = correction.recurrence;
      if (correction.lead !== undefined) task.lead = [...new Set(correction.lead)];
      if (correction.coordinating !== undefined) task.coordinating = [...new Set(correction.coordinating)];
      if (correction.requested !== undefined) task.requested = [...new Set(correction.requested)];
      if (correction.exclude) excluded.add(correction.index);
    });
    result.tasks = result.tasks.filter((_task, index) => !excluded.has(index));
    before.tasks = originals;
    changed.push('tasks');
  }
  if (input.newTasks?.length) {
    for (const added of input.newTasks) {
      const place = placeReviewTask(result.sections, added.section);
      if (place.newSection) result.sections.push(place.newSection);
      result.tasks.push({
        section: place.section,
        sectionPath: place.sectionPath,
        text: added.text,
        context: null,
        lead: [...new Set(added.lead ?? [])],
        coordinating: [...new Set(added.coordinating ?? [])],
        requested: [...new Set(added.requested ?? [])],
        deadline: added.deadline ?? null,
        deadlineText: null,
        recurrence: added.recurrence ?? null,
        campaign: null,
      });
    }
    changed.push('newTasks');
  }
  if (input.targets) {
    before.targets = original.targets;
    result.targets = input.targets.map((target) => {
      // What the form does not carry (10/10 huyện, "giảm") is kept from the parsed target of the same text.
      const parsed = original.targets.find((t) => t.text === target.text);
      return {
        text: target.text,
        comparator: target.comparator,
        value: target.value,
        unit: target.unit,
        noun: target.noun ?? null,
        outOf: parsed?.outOf ?? null,
        direction: parsed?.direction ?? null,
        section: target.sectionPath ?? null,
      };
    });
    changed.push('targets');
  }
  if (input.legalBasis) {
    before.legalBasis = original.legalBasis;
    result.legalBasis = input.legalBasis.map((ref) => ({
      kind: ref.kind,
      number: ref.number ?? null,
      date: ref.date ?? null,
      issuer: ref.issuer ?? null,
      title: ref.title ?? null,
    }));
    changed.push('legalBasis');
  }
  if (input.phases) {
    before.phases = original.phases;
    result.phases = input.phases.map((phase) => ({ label: phase.label, from: phase.from ?? null, to: phase.to ?? null }));
    changed.push('phases');
  }
  if (changed.length) result.warnings = reconcileImportWarnings(result, changed.includes('tasks') || changed.includes('newTasks'));
  return { result, changed, before, errors };
}

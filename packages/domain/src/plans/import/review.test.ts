import { describe, expect, it } from 'vitest';
import { emptyResult } from './parse-plan.ts';
import { applyImportReview, placeReviewTask } from './review.ts';
import type { PlanImportResult } from './schema.ts';

function parsed(): PlanImportResult {
  const result = emptyResult();
  result.document = { ...result.document, symbol: 'KH-UBND', title: 'Kế hoạch', kind: 'plan' };
  result.sections = [{ path: 'II.1', heading: 'Công an tỉnh' }];
  result.tasks = [
    {
      section: 'II.1. Công an tỉnh',
      sectionPath: 'II.1',
      text: 'Tuyên truyền',
      context: null,
      lead: [],
      coordinating: [],
      requested: [],
      deadline: null,
      deadlineText: 'tháng 6',
      recurrence: null,
      campaign: null,
    },
  ];
  result.warnings = [
    { code: 'number_blank', message: '…' },
    { code: 'date_blank', message: '…' },
    { code: 'deadline_unresolved', message: '…' },
    { code: 'task_without_lead', message: '…' },
    { code: 'signer_missing', message: '…' },
  ];
  return result;
}

describe('import review', () => {
  it('settles the warnings the corrections answer and keeps the others', () => {
    const { result, changed, errors } = applyImportReview(parsed(), {
      document: { number: '45', date: '2021-04-20' },
      tasks: [{ index: 0, lead: ['Công an tỉnh'], deadline: '2021-06-30' }],
    });
    expect(errors).toEqual([]);
    expect(changed).toEqual(['document', 'tasks']);
    expect(result.warnings.map((w) => w.code)).toEqual(['signer_missing']);
  });
  it('reports an unknown task index and leaves the input untouched', () => {
    const original = parsed();
    const { errors } = applyImportReview(original, { tasks: [{ index: 3, text: 'x' }] });
    expect(errors).toEqual([{ path: 'tasks.0.index', message: 'Không có nhiệm vụ số 3.' }]);
    expect(original).toEqual(parsed());
  });
  it('places an added task in an existing section, a new numbered one, or none', () => {
    const sections = parsed().sections;
    expect(placeReviewTask(sections, 'II.1')).toEqual({ sectionPath: 'II.1', section: 'II.1. Công an tỉnh', newSection: null });
    expect(placeReviewTask(sections, 'Công an tỉnh').sectionPath).toBe('II.1');
    expect(placeReviewTask(sections, 'IV. Nhiệm vụ khác')).toEqual({
      sectionPath: 'IV',
      section: 'IV. Nhiệm vụ khác',
      newSection: { path: 'IV', heading: 'Nhiệm vụ khác' },
    });
    expect(placeReviewTask(sections, 'Nhiệm vụ khác')).toEqual({ sectionPath: '', section: 'Nhiệm vụ khác', newSection: null });
  });
});

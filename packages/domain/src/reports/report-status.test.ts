import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canFireReportTransition,
  isEditableReportStatus,
  nextReportStatus,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  REPORT_TRANSITION_LABELS,
  REPORT_TRANSITIONS,
  statusAfterSave,
  transitionNeedsComment,
  type ReportParty,
  type ReportStatus,
  type ReportTransition,
} from './report-status.ts';

const reporter = new Set<ReportParty>(['reporter']);
const reviewer = new Set<ReportParty>(['reviewer']);
const both = new Set<ReportParty>(['reporter', 'reviewer']);

describe('report state machine', () => {
  // The whole table, written out: every (status, transition) pair is either here or refused.
  const expected: Record<string, ReportStatus> = {
    'not_started/save': 'draft',
    'draft/save': 'draft',
    'returned/save': 'returned',
    'draft/submit': 'submitted',
    'returned/resubmit': 'resubmitted',
    'submitted/return': 'returned',
    'resubmitted/return': 'returned',
    'submitted/accept': 'accepted',
    'resubmitted/accept': 'accepted',
    'accepted/lock': 'locked',
    'locked/unlock': 'returned',
  };

  it('allows exactly the listed transitions, exhaustively', () => {
    for (const status of REPORT_STATUSES) {
      for (const transition of REPORT_TRANSITIONS) {
        expect(nextReportStatus(status, transition), `${status}/${transition}`).toBe(expected[`${status}/${transition}`] ?? null);
      }
    }
  });

  it('saving starts a report, keeps a draft a draft and a returned report returned, and is refused once sent', () => {
    expect(statusAfterSave('not_started')).toBe('draft');
    expect(statusAfterSave('draft')).toBe('draft');
    expect(statusAfterSave('returned')).toBe('returned');
    for (const status of ['submitted', 'resubmitted', 'accepted', 'locked'] as const) expect(statusAfterSave(status)).toBeNull();
  });

  it('a report cannot be submitted before it is saved, nor submitted (rather than resubmitted) after a return', () => {
    expect(nextReportStatus('not_started', 'submit')).toBeNull();
    expect(nextReportStatus('returned', 'submit')).toBeNull();
    expect(nextReportStatus('draft', 'resubmit')).toBeNull();
  });

  it('only the reporter saves and submits; only the reviewer returns, accepts, locks, unlocks', () => {
    expect(canFireReportTransition('draft', 'submit', reporter)).toBe(true);
    expect(canFireReportTransition('draft', 'submit', reviewer)).toBe(false);
    expect(canFireReportTransition('returned', 'resubmit', reporter)).toBe(true);
    expect(canFireReportTransition('draft', 'save', reviewer)).toBe(false);
    expect(canFireReportTransition('submitted', 'accept', reporter)).toBe(false);
    expect(canFireReportTransition('submitted', 'accept', reviewer)).toBe(true);
    expect(canFireReportTransition('resubmitted', 'return', reviewer)).toBe(true);
    expect(canFireReportTransition('accepted', 'lock', reviewer)).toBe(true);
    expect(canFireReportTransition('locked', 'unlock', reporter)).toBe(false);
    expect(canFireReportTransition('locked', 'unlock', reviewer)).toBe(true);
    expect(canFireReportTransition('draft', 'accept', both)).toBe(false);
    expect(canFireReportTransition('draft', 'submit', new Set())).toBe(false);
  });

  it('property: a transition can be fired exactly when it applies and the actor is its party', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORT_STATUSES),
        fc.constantFrom(...REPORT_TRANSITIONS),
        fc.subarray<ReportParty>(['reporter', 'reviewer']),
        (status, transition, parties) => {
          const party: ReportParty = ['save', 'submit', 'resubmit'].includes(transition) ? 'reporter' : 'reviewer';
          expect(canFireReportTransition(status, transition, new Set(parties))).toBe(
            nextReportStatus(status, transition) !== null && parties.includes(party),
          );
        },
      ),
    );
  });

  it('property: from any status, a run of allowed transitions never reaches an unknown state and locked is left only by unlock', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REPORT_TRANSITIONS), { maxLength: 30 }), (transitions) => {
        let status: ReportStatus = 'not_started';
        for (const transition of transitions) {
          const next = nextReportStatus(status, transition);
          if (next === null) continue;
          if (status === 'locked') expect(transition).toBe('unlock');
          expect(REPORT_STATUSES).toContain(next);
          status = next;
        }
      }),
    );
  });

  it('the reporter may edit only before sending (not started, draft) or after a return', () => {
    expect(REPORT_STATUSES.filter(isEditableReportStatus)).toEqual(['not_started', 'draft', 'returned']);
  });

  it('returning needs a comment and unlocking a reason; nothing else does', () => {
    expect(REPORT_TRANSITIONS.filter(transitionNeedsComment)).toEqual<ReportTransition[]>(['return', 'unlock']);
  });

  it('labels every status and transition in Vietnamese and English', () => {
    expect(REPORT_STATUSES.map((status) => REPORT_STATUS_LABELS[status].vi)).toEqual([
      'Chưa lập',
      'Đang soạn',
      'Đã gửi',
      'Bị trả lại',
      'Đã gửi lại',
      'Đã chấp nhận',
      'Đã khóa',
    ]);
    for (const status of REPORT_STATUSES) expect(REPORT_STATUS_LABELS[status].en).toMatch(/^[A-Z]/);
    for (const transition of REPORT_TRANSITIONS) {
      expect(REPORT_TRANSITION_LABELS[transition].vi.length).toBeGreaterThan(0);
      expect(REPORT_TRANSITION_LABELS[transition].en.length).toBeGreaterThan(0);
    }
  });
});

import { documentNumberKey, splitDocumentNumber } from './legal-references.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Assignment } from '../access/scope.ts';
import { SYSTEM_ROLES } from '../access/system-roles.ts';
import { buildDailyDigest, formatDigest, type DigestTask } from './digest.ts';
import { occurrencesFor } from './occurrences.ts';
import { allowedTaskActions, taskRelationsOf, type TaskAccessRecord } from './task-policy.ts';
import {
  canFireTaskTransition,
  isFinalTaskStatus,
  nextTaskStatus,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  transitionForProgress,
  type TaskParty,
  type TaskStatus,
} from './task-status.ts';
import { addDays, dayNumber, taskTiming, vietnamToday } from './task-timing.ts';

describe('task state machine', () => {
  // The whole table, written out: every (status, transition) pair is either here or refused.
  const expected: Record<string, TaskStatus> = {
    'not_started/start': 'in_progress',
    'in_progress/submit': 'submitted',
    'submitted/accept': 'accepted',
    'submitted/return': 'returned',
    'returned/resume': 'in_progress',
    'not_started/cancel': 'cancelled',
    'in_progress/cancel': 'cancelled',
    'submitted/cancel': 'cancelled',
    'returned/cancel': 'cancelled',
  };
  it('allows exactly the listed transitions, exhaustively', () => {
    for (const status of TASK_STATUSES) {
      for (const transition of TASK_TRANSITIONS) {
        expect(nextTaskStatus(status, transition), `${status}/${transition}`).toBe(expected[`${status}/${transition}`] ?? null);
      }
    }
  });
  it('final states have no way out', () => {
    for (const status of TASK_STATUSES.filter(isFinalTaskStatus)) {
      expect(TASK_TRANSITIONS.map((t) => nextTaskStatus(status, t)).filter(Boolean)).toEqual([]);
    }
  });
  it('the lead moves work forward; only the standing office accepts, returns, cancels', () => {
    const lead = new Set<TaskParty>(['lead']);
    const office = new Set<TaskParty>(['standing_office']);
    expect(canFireTaskTransition('in_progress', 'submit', lead)).toBe(true);
    expect(canFireTaskTransition('in_progress', 'submit', office)).toBe(false);
    expect(canFireTaskTransition('submitted', 'accept', lead)).toBe(false);
    expect(canFireTaskTransition('submitted', 'accept', office)).toBe(true);
    expect(canFireTaskTransition('submitted', 'return', office)).toBe(true);
    expect(canFireTaskTransition('in_progress', 'cancel', lead)).toBe(false);
    expect(canFireTaskTransition('accepted', 'cancel', office)).toBe(false);
  });
  it('a progress report starts a waiting task and resumes a returned one', () => {
    expect(transitionForProgress('not_started')).toBe('start');
    expect(transitionForProgress('returned')).toBe('resume');
    expect(transitionForProgress('in_progress')).toBeNull();
  });
  it('property: any sequence of allowed transitions ends in a known state and never leaves a final one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TASK_TRANSITIONS), { maxLength: 20 }), (steps) => {
        let status: TaskStatus = 'not_started';
        for (const step of steps) {
          const next = nextTaskStatus(status, step);
          if (isFinalTaskStatus(status)) expect(next).toBeNull();
          if (next) status = next;
        }
        expect(TASK_STATUSES).toContain(status);
      }),
    );
  });
});

describe('overdue and due soon', () => {
  it('derives the timing from the due date and today', () => {
    expect(taskTiming({ status: 'in_progress', dueDate: '2024-08-14' }, '2024-08-15')).toBe('overdue');
    expect(taskTiming({ status: 'in_progress', dueDate: '2024-08-15' }, '2024-08-15')).toBe('due_soon');
    expect(taskTiming({ status: 'not_started', dueDate: '2024-08-22' }, '2024-08-15')).toBe('due_soon');
    expect(taskTiming({ status: 'not_started', dueDate: '2024-08-23' }, '2024-08-15')).toBe('on_track');
    expect(taskTiming({ status: 'not_started', dueDate: null }, '2024-08-15')).toBe('no_deadline');
    expect(taskTiming({ status: 'submitted', dueDate: '2024-01-01' }, '2024-08-15')).toBe('closed');
    expect(taskTiming({ status: 'accepted', dueDate: '2024-01-01' }, '2024-08-15')).toBe('closed');
  });
  it('knows the date in Vietnam', () => {
    expect(vietnamToday(new Date('2024-08-14T17:30:00Z'))).toBe('2024-08-15');
    expect(vietnamToday(new Date('2024-08-14T16:59:00Z'))).toBe('2024-08-14');
  });
  it('property: overdue exactly when the due date is before today (for open tasks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18000, max: 25000 }),
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom<TaskStatus>('not_started', 'in_progress', 'returned'),
        (today, offset, status) => {
          const todayIso = addDays('1970-01-01', today);
          const timing = taskTiming({ status, dueDate: addDays(todayIso, offset) }, todayIso);
          expect(timing === 'overdue').toBe(offset < 0);
          expect(timing === 'due_soon').toBe(offset >= 0 && offset <= 7);
        },
      ),
    );
  });
});

describe('occurrences of a recurring task', () => {
  it('one per month, quarter, half-year or year inside the plan period', () => {
    expect(occurrencesFor('monthly', '2024-01-01', '2024-12-31')).toHaveLength(12);
    expect(occurrencesFor('quarterly', '2021-01-01', '2025-12-31')).toHaveLength(20);
    expect(occurrencesFor('six_monthly', '2021-01-01', '2025-12-31')).toHaveLength(10);
    expect(occurrencesFor('yearly', '2021-01-01', '2025-12-31').map((o) => o.periodLabel)).toEqual([
      'Năm 2021',
      'Năm 2022',
      'Năm 2023',
      'Năm 2024',
      'Năm 2025',
    ]);
    expect(occurrencesFor('continuous', '2016-01-01', '2020-12-31')).toHaveLength(5);
    expect(occurrencesFor('quarterly', '2024-01-01', '2024-12-31')[1]).toEqual({
      periodLabel: 'Quý II/2024',
      periodFrom: '2024-04-01',
      periodTo: '2024-06-30',
      dueDate: '2024-06-30',
    });
  });
  it('clips the first and last period to the plan and handles leap years', () => {
    const months = occurrencesFor('monthly', '2024-02-10', '2024-04-15');
    expect(months).toEqual([
      { periodLabel: 'Tháng 02/2024', periodFrom: '2024-02-10', periodTo: '2024-02-29', dueDate: '2024-02-29' },
      { periodLabel: 'Tháng 03/2024', periodFrom: '2024-03-01', periodTo: '2024-03-31', dueDate: '2024-03-31' },
      { periodLabel: 'Tháng 04/2024', periodFrom: '2024-04-01', periodTo: '2024-04-15', dueDate: '2024-04-15' },
    ]);
  });
  it('gives nothing without a period', () => {
    expect(occurrencesFor('yearly', null, '2025-12-31')).toEqual([]);
    expect(occurrencesFor('yearly', '2025-01-01', '2024-12-31')).toEqual([]);
  });
  it('property: occurrences are ordered, contiguous, inside the period and cover it', () => {
    const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') });
    fc.assert(
      fc.property(
        fc.constantFrom('monthly', 'quarterly', 'six_monthly', 'yearly', 'continuous' as const),
        day,
        fc.integer({ min: 0, max: 3000 }),
        (recurrence, start, length) => {
          const from = addDays('1970-01-01', start);
          const to = addDays(from, length);
          const list = occurrencesFor(recurrence, from, to);
          expect(list.length).toBeGreaterThan(0);
          expect(list[0]!.periodFrom).toBe(from);
          if (list.length < 240) expect(list.at(-1)!.periodTo).toBe(to);
          for (let i = 0; i < list.length; i++) {
            const o = list[i]!;
            expect(o.periodFrom <= o.periodTo && o.dueDate === o.periodTo).toBe(true);
            if (i > 0) expect(dayNumber(o.periodFrom)).toBe(dayNumber(list[i - 1]!.periodTo) + 1);
          }
        },
      ),
    );
  });
});

const role = (code: string) => SYSTEM_ROLES.find((r) => r.code === code)!.permissions;
function actor(agencyId: string | null, ...assignments: Partial<Assignment>[]): Actor {
  return {
    userId: 'u',
    username: 'u',
    orgUnitId: 'VN.31',
    agencyId,
    assignments: assignments.map((a, i) => ({
      id: `a${i}`,
      roleId: 'r',
      roleCode: 'r',
      permissions: [],
      orgUnitId: 'VN.31',
      agencyId: null,
      scope: 'subtree',
      ...a,
    })),
  };
}

describe('task access policy', () => {
  const standingOffice = actor('ag-ca', { permissions: role('standing_office'), scope: 'subtree', orgUnitId: 'VN.31', agencyId: 'ag-ca' });
  const health = actor('ag-yte', { permissions: role('department_officer'), scope: 'agency', agencyId: 'ag-yte' });
  const court = actor('ag-tand', { permissions: role('judicial_officer'), scope: 'agency', agencyId: 'ag-tand' });
  const otherProvince = actor('ag-x', { permissions: role('standing_office'), scope: 'subtree', orgUnitId: 'VN.01' });
  const commune = actor('ag-xa', { permissions: role('commune_officer'), scope: 'subtree', orgUnitId: 'VN.31.11383' });
  const task = (status: TaskStatus, lead = 'ag-yte'): TaskAccessRecord => ({
    orgUnitId: 'VN.31',
    leadAgencyId: lead,
    coordinatingAgencyIds: ['ag-snv'],
    requestedAgencyIds: ['ag-tand'],
    status,
  });

  it('the lead agency reports progress and submits, but cannot accept', () => {
    expect(allowedTaskActions(health, task('not_started'))).toEqual(['view', 'progress']);
    expect(allowedTaskActions(health, task('in_progress'))).toEqual(['view', 'progress', 'submit']);
    expect(allowedTaskActions(health, task('submitted'))).toEqual(['view']);
  });
  it('the standing office of the province accepts, returns, cancels and chases', () => {
    expect(allowedTaskActions(standingOffice, task('in_progress'))).toEqual(['view', 'cancel', 'chase', 'edit']);
    expect(allowedTaskActions(standingOffice, task('submitted'))).toEqual(['view', 'accept', 'return', 'cancel', 'edit']);
    expect(allowedTaskActions(standingOffice, task('accepted'))).toEqual(['view']);
    expect(allowedTaskActions(standingOffice, task('cancelled'))).toEqual(['view']);
  });
  it('only whoever follows or manages the plan corrects a task, and not once it is accepted or cancelled', () => {
    const manager = actor('ag-x', { permissions: ['read:tasks', 'manage:plans'], scope: 'subtree', orgUnitId: 'VN.31' });
    expect(allowedTaskActions(manager, task('returned'))).toEqual(['view', 'edit']);
    expect(allowedTaskActions(manager, task('accepted'))).toEqual(['view']);
    expect(allowedTaskActions(health, task('in_progress'))).not.toContain('edit');
    expect(allowedTaskActions(court, task('in_progress'))).not.toContain('edit');
  });
  it('a coordinating agency contributes; a requested body only views', () => {
    const home = actor('ag-snv', { permissions: role('department_officer'), scope: 'agency', agencyId: 'ag-snv' });
    expect(allowedTaskActions(home, task('in_progress'))).toEqual(['view', 'contribute']);
    expect(allowedTaskActions(court, task('in_progress'))).toEqual(['view']);
    expect(taskRelationsOf(court, task('in_progress')).isRequested).toBe(true);
  });
  it('nobody else sees the task', () => {
    expect(allowedTaskActions(health, task('in_progress', 'ag-ldtbxh'))).toEqual([]);
    expect(
      allowedTaskActions(
        actor('ag-gd', { permissions: role('department_officer'), scope: 'agency', agencyId: 'ag-gd' }),
        task('in_progress'),
      ),
    ).toEqual([]);
    expect(allowedTaskActions(otherProvince, task('in_progress'))).toEqual([]);
    expect(allowedTaskActions(commune, task('in_progress'))).toEqual([]);
  });
});

describe('daily digest', () => {
  const t = (id: string, lead: string | null, dueDate: string | null, status: TaskStatus = 'in_progress'): DigestTask => ({
    id,
    content: `Nhiệm vụ ${id}`,
    planTitle: 'Kế hoạch',
    leadAgencyId: lead,
    status,
    dueDate,
  });
  it('groups overdue and due-soon tasks by lead agency, leaving out the rest', () => {
    const digest = buildDailyDigest(
      [
        t('1', 'b', '2024-08-01'),
        t('2', 'b', '2024-08-20'),
        t('3', 'a', '2024-08-16'),
        t('4', 'a', '2024-12-01'),
        t('5', null, '2024-08-01'),
        t('6', 'c', '2024-08-01', 'accepted'),
      ],
      '2024-08-15',
    );
    expect(digest.map((e) => [e.agencyId, e.overdue.map((x) => x.id), e.dueSoon.map((x) => x.id)])).toEqual([
      ['a', [], ['3']],
      ['b', ['1'], ['2']],
    ]);
    const text = formatDigest(digest[1]!, '2024-08-15');
    expect(text.title).toBe('Nhắc việc ngày 15/08/2024: 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn');
    expect(text.body).toContain('hạn 01/08/2024');
  });
  it('caps a long list and says how many more there are', () => {
    const many = Array.from({ length: 25 }, (_, i) => t(String(i).padStart(2, '0'), 'a', '2024-08-01'));
    const body = formatDigest(buildDailyDigest(many, '2024-08-15')[0]!, '2024-08-15').body;
    expect(body.split('\n').filter((line) => line.startsWith('- Nhiệm vụ'))).toHaveLength(20);
    expect(body).toContain('… và 5 nhiệm vụ khác');
  });
});

describe('legal-basis references', () => {
  it('splits a document number into number and symbol', () => {
    expect(splitDocumentNumber('45/KH-UBND')).toEqual({ number: '45', symbol: 'KH-UBND' });
    expect(splitDocumentNumber(' 193 / QĐ-TTg ')).toEqual({ number: '193', symbol: 'QĐ-TTg' });
    expect(splitDocumentNumber('Luật Phòng, chống mua bán người')).toBeNull();
    expect(splitDocumentNumber(null)).toBeNull();
    expect(documentNumberKey('45', 'KH-UBND')).toBe('45/kh-ubnd');
    expect(documentNumberKey(null, 'KH-UBND')).toBeNull();
  });
});

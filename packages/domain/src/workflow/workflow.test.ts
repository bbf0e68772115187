import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../access/audit-actions.ts';
import { ERROR_CATALOGUE, formatErrorMessage } from '../errors/error-codes.ts';
import { canFireReportTransition, REPORT_TRANSITIONS } from '../reports/report-status.ts';
import { canMoveSupport, SUPPORT_STATUSES } from '../victims/support.ts';
import {
  checkWorkflowDefinition,
  defineWorkflow,
  planActionsFor,
  planWorkflow,
  referralWorkflow,
  reportWorkflow,
  taskWorkflow,
  victimFileWorkflow,
  WORKFLOWS,
} from './index.ts';

describe('every registered workflow', () => {
  it('registers plan, task, report, victim file, identification, support and referral once each', () => {
    expect(WORKFLOWS.map((workflow) => workflow.name).sort()).toEqual([
      'identification',
      'plan',
      'referral',
      'report',
      'support',
      'task',
      'victim_file',
    ]);
  });

  it.each(WORKFLOWS.map((workflow) => [workflow.name, workflow] as const))(
    '%s: known states only, all reachable, final states final',
    (_name, workflow) => {
      expect(checkWorkflowDefinition(workflow)).toEqual([]);
    },
  );

  it.each(WORKFLOWS.map((workflow) => [workflow.name, workflow] as const))('%s: emits only audited actions', (_name, workflow) => {
    for (const rule of Object.values(workflow.definition.transitions) as Array<{ emits?: readonly string[] }>) {
      for (const event of rule.emits ?? []) expect(AUDIT_ACTIONS).toContain(event);
    }
  });
});

describe('checkWorkflowDefinition', () => {
  const broken = defineWorkflow<'a' | 'b' | 'c' | 'd', 'go' | 'back' | 'jump', never>({
    name: 'broken',
    states: ['a', 'b', 'c', 'd'],
    final: ['b'],
    transitions: {
      go: { from: ['a'], to: 'b' },
      back: { from: ['b'], to: 'a' },
      jump: { from: ['a'], to: 'e' as 'c' },
    },
    wrongState: { code: 'auth.forbidden' },
  });

  it('names unknown and unreachable states and transitions out of a final state', () => {
    expect(checkWorkflowDefinition(broken)).toEqual([
      'broken.back: fires from final state b',
      'broken.jump: unknown state e',
      'broken: state c is unreachable',
      'broken: state d is unreachable',
    ]);
  });
});

describe('defineWorkflow', () => {
  const reviewer = { parties: new Set(['reviewer'] as const) };
  const reporter = { parties: new Set(['reporter'] as const) };

  it('refuses a transition from the wrong state with the machine’s own 409 code and Vietnamese params', () => {
    const outcome = reportWorkflow.transition('draft', 'accept', reviewer);
    expect(outcome).toEqual({
      ok: false,
      refused: 'report.transition_not_allowed',
      params: { action: 'chấp nhận', status: 'Đang soạn' },
      because: 'state',
    });
    expect(ERROR_CATALOGUE[outcome.ok ? 'auth.forbidden' : outcome.refused].status).toBe(409);
  });

  it('refuses the other party (a reporter cannot accept its own report)', () => {
    expect(reportWorkflow.transition('submitted', 'accept', reporter)).toMatchObject({ ok: false, because: 'party' });
    expect(reportWorkflow.transition('submitted', 'accept', reviewer)).toEqual({ ok: true, to: 'accepted', events: ['report.accepted'] });
  });

  it('lists allowed actions that agree with the old per-transition check', () => {
    for (const status of reportWorkflow.states) {
      for (const parties of [reviewer, reporter, { parties: new Set<'reporter' | 'reviewer'>() }]) {
        const expected = REPORT_TRANSITIONS.filter((transition) => canFireReportTransition(status, transition, parties.parties));
        expect(reportWorkflow.allowedActions(status, parties)).toEqual(expected);
      }
    }
  });

  it('gives the referral receiver accept/decline, then complete; the sender only cancel', () => {
    const receiver = { parties: new Set(['receiver'] as const) };
    const sender = { parties: new Set(['sender'] as const) };
    expect(referralWorkflow.allowedActions('sent', receiver)).toEqual(['accept', 'decline']);
    expect(referralWorkflow.allowedActions('accepted', receiver)).toEqual(['complete']);
    expect(referralWorkflow.allowedActions('sent', sender)).toEqual(['cancel']);
    expect(referralWorkflow.allowedActions('completed', { parties: new Set(['sender', 'receiver'] as const) })).toEqual([]);
  });

  it('lets nobody move a final task', () => {
    const everyone = { parties: new Set(['lead', 'standing_office'] as const) };
    expect(taskWorkflow.allowedActions('accepted', everyone)).toEqual([]);
    expect(taskWorkflow.allowedActions('cancelled', everyone)).toEqual([]);
    expect(taskWorkflow.transition('cancelled', 'start', everyone)).toMatchObject({
      refused: 'task.action_not_allowed',
      params: { status: 'Đã hủy' },
    });
  });
});

describe('plan workflow', () => {
  it('offers update and issue on a draft to a manager, update only once issued, nothing once superseded', () => {
    expect(planActionsFor('draft', true)).toEqual(['update', 'issue']);
    expect(planActionsFor('issued', true)).toEqual(['update']);
    expect(planActionsFor('superseded', true)).toEqual([]);
    expect(planActionsFor('draft', false)).toEqual([]);
  });

  it('refuses to issue an issued plan (409 plan.not_draft)', () => {
    expect(planWorkflow.transition('issued', 'issue', { parties: new Set(['manage:plans'] as const) })).toMatchObject({
      ok: false,
      refused: 'plan.not_draft',
    });
  });

  it('refuses to issue while a task has no lead agency, quoting the first tasks and counting them all', () => {
    const manager = { parties: new Set(['manage:plans'] as const) };
    const missing = ['Tuyên truyền tại các xã biên giới', 'Tập huấn cho cán bộ cơ sở', 'Rà soát người di cư', 'Kiểm tra liên ngành'];
    const refused = planWorkflow.transition('draft', 'issue', { ...manager, tasksWithoutLead: missing });
    expect(refused).toMatchObject({ ok: false, refused: 'plan.tasks_without_lead', because: 'guard', params: { count: 4 } });
    const tasks = refused.ok ? '' : String(refused.params.tasks);
    expect(tasks).toContain('«Tuyên truyền tại các xã biên giới»');
    expect(tasks).not.toContain('Kiểm tra liên ngành');
    expect(tasks.endsWith('…')).toBe(true);
    expect(formatErrorMessage('plan.tasks_without_lead', 'vi', refused.ok ? {} : refused.params)).toMatch(/^Chưa thể ban hành: 4 nhiệm vụ/);
    expect(planWorkflow.transition('draft', 'issue', { ...manager, tasksWithoutLead: [] })).toMatchObject({ ok: true, to: 'issued' });
  });
});

describe('victim file workflow', () => {
  const manager = { parties: new Set(['manage:victims'] as const) };

  it('closes an open file and reopens a closed one', () => {
    expect(victimFileWorkflow.transition('open', 'close', { ...manager, reason: 'reintegrated' })).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(victimFileWorkflow.transition('closed', 'reopen', manager)).toMatchObject({
      ok: true,
      to: 'open',
      events: ['victim.file_reopened'],
    });
  });

  it('refuses to close a file with an active referral, in Vietnamese', () => {
    expect(victimFileWorkflow.transition('open', 'close', { ...manager, activeReferrals: 1 })).toEqual({
      ok: false,
      refused: 'victim.file_status',
      params: { detail: 'Còn chuyển tuyến đang thực hiện: hoàn thành hoặc hủy chuyển tuyến trước khi đóng hồ sơ.' },
      because: 'guard',
    });
    expect(victimFileWorkflow.allowedActions('open', { ...manager, openStays: 1 })).toEqual([]);
  });

  it('refuses to reopen an open file', () => {
    expect(victimFileWorkflow.transition('open', 'reopen', manager)).toMatchObject({
      refused: 'victim.file_status',
      params: { detail: 'Hồ sơ đang mở, không cần mở lại.' },
    });
  });

  it('lets only a manager of the file close it', () => {
    expect(victimFileWorkflow.allowedActions('open', { parties: new Set() })).toEqual([]);
  });
});

describe('support workflow keeps the old moves', () => {
  const OLD_MOVES: Record<string, string[]> = {
    planned: ['planned', 'in_progress', 'completed', 'cancelled'],
    in_progress: ['in_progress', 'completed', 'cancelled'],
    completed: ['completed'],
    cancelled: [],
  };
  it.each(SUPPORT_STATUSES.map((status) => [status] as const))('from %s', (from) => {
    expect(SUPPORT_STATUSES.filter((to) => canMoveSupport(from, to))).toEqual(OLD_MOVES[from]);
  });
});

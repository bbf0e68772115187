import { defineWorkflow } from '../workflow/define-workflow.ts';

/**
 * The life of a task (nhiệm vụ) as an explicit state machine.
 *
 *   not_started ─start→ in_progress ─submit→ submitted ─accept→ accepted
 *                            ↑                   │
 *                            └──resume── returned ←return┘
 *   cancel: from any state that is not final (accepted, cancelled)
 *
 * The lead agency (chủ trì) moves the work forward and reports it done; the standing office
 * (cơ quan thường trực) of the plan's area accepts it, returns it with a comment or cancels it.
 */
export const TASK_STATUSES = ['not_started', 'in_progress', 'submitted', 'accepted', 'returned', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['accepted', 'cancelled'];

export const TASK_TRANSITIONS = ['start', 'submit', 'accept', 'return', 'resume', 'cancel'] as const;
export type TaskTransition = (typeof TASK_TRANSITIONS)[number];

/** Who may fire a transition: the task's lead agency, or the standing office over the plan. */
export type TaskParty = 'lead' | 'standing_office';

interface TransitionRule {
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: TaskParty;
}

/** The action as the refusal names it (the server's wording). */
const TASK_TRANSITION_WORDS: Record<TaskTransition, string> = {
  start: 'bắt đầu thực hiện',
  submit: 'báo cáo hoàn thành',
  accept: 'nghiệm thu',
  return: 'trả lại',
  resume: 'tiếp tục thực hiện',
  cancel: 'hủy',
};

const NON_FINAL: readonly TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'returned'];

export const taskWorkflow = defineWorkflow<TaskStatus, TaskTransition, TaskParty>({
  name: 'task',
  states: TASK_STATUSES,
  initial: 'not_started',
  final: FINAL_TASK_STATUSES,
  transitions: {
    start: { from: ['not_started'], to: 'in_progress', by: 'lead', emits: ['task.progress_reported'] },
    submit: { from: ['in_progress'], to: 'submitted', by: 'lead', emits: ['task.submitted'] },
    accept: { from: ['submitted'], to: 'accepted', by: 'standing_office', emits: ['task.accepted'] },
    return: { from: ['submitted'], to: 'returned', by: 'standing_office', emits: ['task.returned'] },
    resume: { from: ['returned'], to: 'in_progress', by: 'lead', emits: ['task.progress_reported'] },
    cancel: { from: NON_FINAL, to: 'cancelled', by: 'standing_office', emits: ['task.cancelled'] },
  },
  wrongState: {
    code: 'task.action_not_allowed',
    params: (status, transition) => ({ action: TASK_TRANSITION_WORDS[transition], status: TASK_STATUS_LABELS[status].vi }),
  },
});

export const TASK_TRANSITION_RULES: Readonly<Record<TaskTransition, TransitionRule>> = Object.fromEntries(
  TASK_TRANSITIONS.map((transition) => {
    const rule = taskWorkflow.definition.transitions[transition];
    return [transition, { from: rule.from, to: rule.to as TaskStatus, by: rule.by! }];
  }),
) as Record<TaskTransition, TransitionRule>;

export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  submitted: { vi: 'Đã báo cáo hoàn thành', en: 'Reported done' },
  accepted: { vi: 'Đã nghiệm thu', en: 'Accepted' },
  returned: { vi: 'Trả lại, yêu cầu bổ sung', en: 'Returned' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export function isFinalTaskStatus(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.includes(status);
}

/** The state a transition leads to from `status`, or null when it does not apply there. */
export function nextTaskStatus(status: TaskStatus, transition: TaskTransition): TaskStatus | null {
  return taskWorkflow.next(status, transition);
}

/** Whether `parties` (what the actor is to this task) may fire `transition` from `status`. */
export function canFireTaskTransition(status: TaskStatus, transition: TaskTransition, parties: ReadonlySet<TaskParty>): boolean {
  return taskWorkflow.can(status, transition, { parties });
}

/**
 * Reporting progress moves a task that is waiting (not started, or returned for more work) into
 * progress: the transition a progress update implies, or null when the status stays.
 */
export function transitionForProgress(status: TaskStatus): TaskTransition | null {
  if (status === 'not_started') return 'start';
  if (status === 'returned') return 'resume';
  return null;
}

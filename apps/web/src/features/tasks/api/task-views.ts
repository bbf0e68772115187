/** The views of the task inbox (`/tasks?view=…`): the agency's own tasks, and the standing office's lists. */
export const TASK_INBOX_VIEWS = ['mine', 'overdue', 'dueSoon', 'all'] as const;
export type TaskInboxView = (typeof TASK_INBOX_VIEWS)[number];

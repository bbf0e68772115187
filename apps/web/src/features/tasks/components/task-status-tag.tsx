import type { TaskView } from '@atmis/domain';
import { Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../api/tasks-api.ts';

const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'cyan',
  accepted: 'green',
  returned: 'orange',
  cancelled: 'default',
};

export function TaskStatusTag({ status, testId }: { status: TaskStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`tasks.status.${status}`)}
    </Tag>
  );
}

/** Overdue and due-soon are derived by the server from the dates; only those two get a tag. */
export function TaskTimingTag({ timing, testId }: { timing: TaskView['timing']; testId?: string }) {
  const { t } = useTranslation();
  if (timing !== 'overdue' && timing !== 'due_soon') return null;
  return (
    <Tag color={timing === 'overdue' ? 'red' : 'gold'} data-testid={testId} data-timing={timing}>
      {t(`tasks.timing.${timing}`)}
    </Tag>
  );
}

export function TaskStateTags({ task }: { task: Pick<TaskView, 'id' | 'status' | 'timing'> }) {
  return (
    <Space size={0} wrap>
      <TaskStatusTag status={task.status} testId={`task-status-${task.id}`} />
      <TaskTimingTag timing={task.timing} testId={`task-timing-${task.id}`} />
    </Space>
  );
}

export function TaskProgress({ percent, status }: { percent: number; status: TaskStatus }) {
  return (
    <Progress
      percent={percent}
      size="small"
      status={status === 'accepted' ? 'success' : status === 'returned' ? 'exception' : 'normal'}
      style={{ minWidth: 100, margin: 0 }}
    />
  );
}

import type { TaskView } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Empty, Space, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { formatDate } from '../../../lib/format.ts';
import { TaskProgress, TaskStateTags, useTaskList } from '../../tasks/index.ts';

const TIMING_COLORS: Record<TaskView['timing'], string> = {
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'blue',
  no_deadline: 'gray',
  closed: 'green',
};

/** The plan's tasks along time: sorted by due date, coloured by whether they are late. */
export function PlanTimelineTab({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const list = useTaskList({ planId }, 100);
  const tasks = [...(list.data?.pages.flatMap((page) => page.items) ?? [])].sort((a, b) =>
    a.dueDate === b.dueDate ? a.position - b.position : !a.dueDate ? 1 : !b.dueDate ? -1 : a.dueDate.localeCompare(b.dueDate),
  );
  if (list.isLoading) return <Spin />;
  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Typography.Paragraph type="secondary">{t('plans.timelineHint')}</Typography.Paragraph>
      {tasks.length === 0 ? (
        <Empty description={t('tasks.empty')} />
      ) : (
        <Timeline
          data-testid="plan-timeline"
          mode="start"
          items={tasks.map((task) => ({
            key: task.id,
            color: TIMING_COLORS[task.timing],
            title: task.dueDate
              ? formatDate(task.dueDate)
              : task.recurrence
                ? t(`plans.recurrence.${task.recurrence}`)
                : t('plans.noDeadline'),
            content: (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Link to="/tasks/$id" params={{ id: task.id }}>
                  {task.content}
                </Link>
                <Space wrap size={8}>
                  <Typography.Text type="secondary">
                    {task.leadAgencyName ?? task.agencies.find((agency) => agency.role === 'lead')?.nameAsWritten}
                  </Typography.Text>
                  <TaskStateTags task={task} />
                  <div style={{ width: 140 }}>
                    <TaskProgress percent={task.progressPercent} status={task.status} />
                  </div>
                </Space>
              </Space>
            ),
          }))}
        />
      )}
      <LoadMore
        shown={tasks.length}
        total={list.data?.pages[0]?.total ?? 0}
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        testId="plan-timeline-load-more"
      />
    </>
  );
}

import type { TaskView } from '@atmis/domain';
import { Badge, Collapse, Empty, Segmented, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { sectionLabel, TASK_STATUS_ORDER, type TaskStatus, TaskTable, useTaskList } from '../../tasks/index.ts';

function groupBySection(tasks: TaskView[]): { key: string; label: string; tasks: TaskView[] }[] {
  const groups = new Map<string, { key: string; label: string; tasks: TaskView[] }>();
  for (const task of tasks) {
    const key = task.sectionPath || '_';
    const group = groups.get(key) ?? { key, label: sectionLabel(task), tasks: [] };
    group.tasks.push(task);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The plan's tasks, by section (a board of collapsible groups) or as one table, filtered by status. */
export function PlanTasksTab({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaskStatus>();
  const [view, setView] = useState<'board' | 'table'>('board');
  const list = useTaskList({ planId, status }, 100);
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const groups = groupBySection(tasks);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(value) => setView(value as 'board' | 'table')}
          data-testid="plan-tasks-view"
          options={[
            { value: 'board', label: t('plans.viewBoard') },
            { value: 'table', label: t('plans.viewTable') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('tasks.filterStatus')}
          value={status}
          onChange={setStatus}
          data-testid="plan-tasks-filter-status"
          style={{ width: 220 }}
          options={TASK_STATUS_ORDER.map((value) => ({ value, label: t(`tasks.status.${value}`) }))}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {view === 'table' ? (
        <TaskTable tasks={tasks} isLoading={list.isFetching && !list.isFetchingNextPage} showSection testId="plan-tasks-table" />
      ) : list.isLoading ? (
        <Spin />
      ) : groups.length === 0 ? (
        <Empty description={t('tasks.empty')} />
      ) : (
        <Collapse
          data-testid="plan-tasks-board"
          defaultActiveKey={groups.map((group) => group.key)}
          items={groups.map((group) => ({
            key: group.key,
            label: (
              <Space>
                <span>{group.label || t('plans.noSection')}</span>
                <Badge count={group.tasks.length} color="#8c8c8c" />
              </Space>
            ),
            children: <TaskTable tasks={group.tasks} testId={`plan-tasks-section-${group.key}`} />,
          }))}
        />
      )}
      <LoadMore
        shown={tasks.length}
        total={total}
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        testId="plan-tasks-load-more"
      />
    </>
  );
}

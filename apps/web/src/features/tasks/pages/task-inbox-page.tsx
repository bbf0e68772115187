import { useNavigate, useSearch } from '@tanstack/react-router';
import { Card, Checkbox, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { TASK_STATUS_ORDER, useTaskList, type TaskListFilter, type TaskStatus } from '../api/tasks-api.ts';
import type { TaskInboxView } from '../api/task-views.ts';
import { TaskTable } from '../components/task-table.tsx';

/**
 * "Nhiệm vụ của đơn vị": the tasks where the person's agency is lead or coordinating; holders of
 * chase:tasks (the standing office) also get the overdue and due-soon lists across agencies.
 */
function TaskInbox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canChase = useCan('chase:tasks');
  const search = useSearch({ from: '/app/tasks' });
  const view: TaskInboxView = search.view && (canChase || search.view === 'mine') ? search.view : 'mine';
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TaskStatus>();
  const [isOverdue, setOverdue] = useState(false);
  const [isDueSoon, setDueSoon] = useState(false);

  const filter: TaskListFilter = {
    q: q || undefined,
    status,
    mine: view === 'mine' || undefined,
    overdue: view === 'overdue' || (view !== 'dueSoon' && isOverdue) || undefined,
    dueSoon: view === 'dueSoon' || (view !== 'overdue' && isDueSoon) || undefined,
  };
  const list = useTaskList(filter);
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const views: TaskInboxView[] = canChase ? ['mine', 'overdue', 'dueSoon', 'all'] : ['mine'];

  return (
    <>
      <PageHeader title={t('tasks.inbox')} testId="tasks-title" />
      <Card>
        {views.length > 1 && (
          <Segmented
            style={{ marginBottom: 12 }}
            value={view}
            onChange={(value) => void navigate({ to: '/tasks', search: { view: value as TaskInboxView } })}
            data-testid="tasks-view"
            options={views.map((value) => ({ value, label: <span data-testid={`tasks-view-${value}`}>{t(`tasks.views.${value}`)}</span> }))}
          />
        )}
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="task-search" placeholder={t('tasks.searchPlaceholder')} width={300} />
          <Select
            allowClear
            placeholder={t('tasks.filterStatus')}
            value={status}
            onChange={setStatus}
            data-testid="task-filter-status"
            style={{ width: 220 }}
            options={TASK_STATUS_ORDER.map((value) => ({ value, label: t(`tasks.status.${value}`) }))}
          />
          {(view === 'mine' || view === 'all') && (
            <>
              <Checkbox
                checked={isOverdue}
                onChange={(event) => setOverdue(event.target.checked)}
                data-testid="task-filter-overdue"
                style={{ alignSelf: 'center' }}
              >
                {t('tasks.filterOverdue')}
              </Checkbox>
              <Checkbox
                checked={isDueSoon}
                onChange={(event) => setDueSoon(event.target.checked)}
                data-testid="task-filter-due-soon"
                style={{ alignSelf: 'center' }}
              >
                {t('tasks.filterDueSoon')}
              </Checkbox>
            </>
          )}
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <TaskTable
          tasks={tasks}
          isLoading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          showPlan
          testId="tasks-table"
          emptyText={view === 'mine' && !q && !status && !isOverdue && !isDueSoon ? t('tasks.emptyMine') : t('tasks.empty')}
        />
        <LoadMore
          shown={tasks.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}

export function TaskInboxPage() {
  return (
    <PermissionGate permission="read:tasks">
      <TaskInbox />
    </PermissionGate>
  );
}

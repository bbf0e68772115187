import type { TaskView } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { TaskProgress, TaskStateTags } from './task-status-tag.tsx';

/** "III.1. Công an tỉnh" as the section cell; the path alone when the heading is empty. */
export function sectionLabel(task: Pick<TaskView, 'sectionPath' | 'sectionTitle'>): string {
  return task.sectionTitle || task.sectionPath;
}

export function dueLabel(task: Pick<TaskView, 'dueDate' | 'deadlineText' | 'recurrence'>, t: (key: string) => string): string {
  if (task.dueDate) return formatDate(task.dueDate);
  if (task.recurrence) return t(`plans.recurrence.${task.recurrence}`);
  return task.deadlineText ?? '—';
}

/** Tasks as a table: content (link), optionally plan and section, lead, due date, status, progress. */
export function TaskTable({
  tasks,
  isLoading,
  showPlan = false,
  showSection = false,
  emptyText,
  testId = 'tasks-table',
}: {
  tasks: TaskView[];
  isLoading?: boolean;
  showPlan?: boolean;
  showSection?: boolean;
  emptyText?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<TaskView> = [
    {
      title: t('tasks.content'),
      dataIndex: 'content',
      minWidth: 320,
      render: (content: string, task) => (
        <Link to="/tasks/$id" params={{ id: task.id }} data-testid={`task-link-${task.id}`}>
          <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0, color: 'inherit' }}>
            {content}
          </Typography.Paragraph>
        </Link>
      ),
    },
  ];
  if (showPlan)
    columns.push({
      title: t('tasks.plan'),
      key: 'plan',
      width: 220,
      responsive: ['lg'],
      render: (_, task) => (
        <Link to="/plans/$id" params={{ id: task.planId }}>
          <Typography.Text ellipsis style={{ maxWidth: 200, color: 'inherit' }} title={task.planTitle}>
            {[task.planNumber && task.planSymbol ? `${task.planNumber}/${task.planSymbol}` : task.planSymbol, task.planTitle]
              .filter(Boolean)
              .join(' — ')}
          </Typography.Text>
        </Link>
      ),
    });
  if (showSection)
    columns.push({
      title: t('tasks.section'),
      key: 'section',
      width: 180,
      responsive: ['lg'],
      render: (_, task) => sectionLabel(task) || '—',
    });
  columns.push(
    {
      title: t('tasks.lead'),
      key: 'lead',
      width: 200,
      responsive: ['md'],
      render: (_, task) =>
        task.leadAgencyName ??
        (task.agencies
          .filter((agency) => agency.role === 'lead')
          .map((agency) => agency.nameAsWritten)
          .join(', ') ||
          '—'),
    },
    { title: t('tasks.dueDate'), key: 'due', width: 120, render: (_, task) => dueLabel(task, t) },
    { title: t('tasks.statusLabel'), key: 'status', width: 170, render: (_, task) => <TaskStateTags task={task} /> },
    {
      title: t('tasks.progress'),
      dataIndex: 'progressPercent',
      width: 140,
      responsive: ['md'],
      render: (value: number, task) => <TaskProgress percent={value} status={task.status} />,
    },
  );
  return (
    <Table<TaskView>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 1100 }}
      columns={columns}
      onRow={(task) => ({ 'data-testid': `task-row-${task.id}`, 'data-timing': task.timing }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={emptyText ?? t('tasks.empty')} /> }}
    />
  );
}

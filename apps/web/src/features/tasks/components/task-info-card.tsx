import type { TaskDetail } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { TaskProgress, TaskStateTags } from './task-status-tag.tsx';
import { sectionLabel } from './task-table.tsx';

type Role = TaskDetail['agencies'][number]['role'];

function AgencyTags({ task, role }: { task: TaskDetail; role: Role }) {
  const { t } = useTranslation();
  const agencies = task.agencies.filter((agency) => agency.role === role);
  if (agencies.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap data-testid={`task-agencies-${role}`}>
      {agencies.map((agency, index) => (
        <Tag
          key={`${agency.nameAsWritten}-${index}`}
          color={agency.agencyId ? (role === 'lead' ? 'geekblue' : undefined) : 'red'}
          style={{ whiteSpace: 'normal' }}
        >
          {agency.agencyName ?? `${agency.nameAsWritten} (${t('tasks.unmappedAgency')})`}
        </Tag>
      ))}
    </Space>
  );
}

/** The task itself: plan and section, agencies by role, timing, status and progress, occurrences. */
export function TaskInfoCard({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const planLabel = [task.planNumber && task.planSymbol ? `${task.planNumber}/${task.planSymbol}` : task.planSymbol, task.planTitle]
    .filter(Boolean)
    .join(' — ');
  return (
    <Card style={{ marginBottom: 16 }} data-testid="task-info">
      <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap' }} data-testid="task-content">
        {task.content}
      </Typography.Paragraph>
      {task.context && (
        <Typography.Paragraph type="secondary">
          {t('tasks.context')}: {task.context}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }}>
        <Descriptions.Item label={t('tasks.plan')} span="filled">
          <Link to="/plans/$id" params={{ id: task.planId }} data-testid="task-plan-link">
            {planLabel}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.section')} span="filled">
          {sectionLabel(task) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.lead')}>
          <AgencyTags task={task} role="lead" />
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.coordinating')}>
          <AgencyTags task={task} role="coordinating" />
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.requested')}>
          <AgencyTags task={task} role="requested" />
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.deadline')}>
          <span data-testid="task-deadline">
            {task.deadline ? formatDate(task.deadline) : task.dueDate ? formatDate(task.dueDate) : '—'}
            {task.deadlineText && <Typography.Text type="secondary">{` (${task.deadlineText})`}</Typography.Text>}
          </span>
        </Descriptions.Item>
        {task.recurrence && <Descriptions.Item label={t('tasks.recurrence')}>{t(`plans.recurrence.${task.recurrence}`)}</Descriptions.Item>}
        {task.campaignFrom && task.campaignTo && (
          <Descriptions.Item
            label={t('tasks.campaign')}
          >{`${formatDate(task.campaignFrom)} – ${formatDate(task.campaignTo)}`}</Descriptions.Item>
        )}
        {task.phase && <Descriptions.Item label={t('tasks.phase')}>{task.phase}</Descriptions.Item>}
        <Descriptions.Item label={t('tasks.statusLabel')}>
          <TaskStateTags task={task} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.progress')} span="filled">
          <div style={{ maxWidth: 280 }} data-testid="task-progress" data-percent={task.progressPercent}>
            <TaskProgress percent={task.progressPercent} status={task.status} />
          </div>
        </Descriptions.Item>
      </Descriptions>
      {task.occurrences.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tasks.occurrences')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            data-testid="task-occurrences"
            dataSource={task.occurrences}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('tasks.occurrence'), dataIndex: 'periodLabel' },
              { title: t('tasks.dueDate'), dataIndex: 'dueDate', render: (value: string) => formatDate(value) },
              {
                title: t('tasks.statusLabel'),
                dataIndex: 'status',
                render: (value: 'pending' | 'done' | 'cancelled') => (
                  <Tag color={value === 'done' ? 'green' : value === 'pending' ? 'blue' : 'default'}>
                    {t(`tasks.occurrenceStatus.${value}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

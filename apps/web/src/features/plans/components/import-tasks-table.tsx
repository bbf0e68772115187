import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanImportView } from '@atmis/domain';
import { App, Button, Card, DatePicker, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format.ts';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';
import { RECURRENCES } from '../../tasks/index.ts';
import { UNMATCHED_ROW } from './import-agency-mapping.tsx';
import { AgencyNames, AgencyNamesInput, nameOptionsOf } from './import-agency-names.tsx';
import { ImportNewTaskModal } from './import-new-task-modal.tsx';

type ImportTask = PlanImportView['result']['tasks'][number];
type Correction = NonNullable<Parameters<ReturnType<typeof useUpdatePlanImport>['mutateAsync']>[0]['tasks']>[number];
type Role = 'lead' | 'coordinating' | 'requested';
const ROLE_COLORS: Record<Role, string | undefined> = { lead: 'geekblue', coordinating: undefined, requested: undefined };

/** The proposed tasks: content, agencies by role, deadline and recurrence, each correctable in place. */
export function ImportTasksTable({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdatePlanImport(view.id);
  const unmatched = new Set(view.agencyMatches.filter((match) => !match.agencyId).map((match) => match.name));
  const leadUnmapped = new Set(view.unmappedLeadNames);
  const nameOptions = nameOptionsOf(view.agencyMatches, t('planImport.unmatched'));
  const [isAdding, setIsAdding] = useState(false);

  async function correct(correction: Correction, done: string): Promise<boolean> {
    try {
      await update.mutateAsync({ tasks: [correction] });
      message.success(done);
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  }

  const namesColumn = (role: Role, width: number) => ({
    title: t(`planImport.${role}`),
    dataIndex: role,
    width,
    render: (names: string[], task: ImportTask & { index: number }) =>
      isEditable ? (
        <AgencyNamesInput
          names={names}
          options={nameOptions}
          unmatched={unmatched}
          color={ROLE_COLORS[role]}
          onSave={(next) => correct({ index: task.index, [role]: next }, t('planImport.agenciesSaved'))}
          testId={`import-task-${role}-${task.index}`}
          ariaLabel={t(`planImport.${role}`)}
        />
      ) : (
        <AgencyNames names={names} unmatched={unmatched} color={ROLE_COLORS[role]} />
      ),
  });

  return (
    <Card
      title={t('planImport.tasksTable', { count: view.result.tasks.length })}
      style={{ marginBottom: 16 }}
      data-testid="import-tasks"
      extra={
        isEditable ? (
          <Button icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="import-add-task">
            {t('planImport.addTask')}
          </Button>
        ) : null
      }
    >
      {isAdding && <ImportNewTaskModal view={view} onClose={() => setIsAdding(false)} />}
      <Table<ImportTask & { index: number }>
        size="small"
        rowKey="index"
        data-testid="import-tasks-table"
        dataSource={view.result.tasks.map((task, index) => ({ ...task, index }))}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1640 }}
        onRow={(task) =>
          ({
            'data-testid': `import-task-row-${task.index}`,
            style: task.lead.length === 0 || task.lead.some((name) => leadUnmapped.has(name)) ? UNMATCHED_ROW : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('plans.section'),
            dataIndex: 'section',
            width: 150,
            render: (section: string) => <Typography.Text type="secondary">{section || '—'}</Typography.Text>,
          },
          {
            title: t('planImport.taskContent'),
            dataIndex: 'text',
            width: 460,
            render: (text: string, task) => (
              <Typography.Paragraph
                style={{ margin: 0 }}
                ellipsis={{ rows: 5, expandable: 'collapsible' }}
                editable={
                  isEditable
                    ? {
                        onChange: (value) =>
                          value.trim() && value !== text && void correct({ index: task.index, text: value }, t('planImport.taskSaved')),
                        triggerType: ['icon'],
                      }
                    : false
                }
              >
                {text}
              </Typography.Paragraph>
            ),
          },
          namesColumn('lead', 220),
          namesColumn('coordinating', 220),
          namesColumn('requested', 180),
          {
            title: t('planImport.deadline'),
            key: 'deadline',
            width: 170,
            render: (_, task) => (
              <Space orientation="vertical" size={2}>
                {isEditable ? (
                  <DatePicker
                    size="small"
                    format={DATE_FORMAT}
                    placeholder={t('common.dateFormatHint')}
                    value={task.deadline ? dayjs(task.deadline, 'YYYY-MM-DD') : null}
                    onChange={(value) => void correct({ index: task.index, deadline: toIsoDate(value) ?? null }, t('planImport.taskSaved'))}
                    data-testid={`import-task-deadline-${task.index}`}
                  />
                ) : (
                  formatDate(task.deadline) || '—'
                )}
                {task.deadlineText && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {task.deadlineText}
                  </Typography.Text>
                )}
                {task.campaign && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                  >{`${formatDate(task.campaign.from)} – ${formatDate(task.campaign.to)}`}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('planImport.recurrence'),
            key: 'recurrence',
            width: 160,
            render: (_, task) =>
              isEditable ? (
                <Select
                  size="small"
                  allowClear
                  value={task.recurrence ?? undefined}
                  onChange={(value: ImportTask['recurrence'] | undefined) =>
                    void correct({ index: task.index, recurrence: value ?? null }, t('planImport.taskSaved'))
                  }
                  options={RECURRENCES.map((value) => ({ value, label: t(`plans.recurrence.${value}`) }))}
                  style={{ width: 140 }}
                  data-testid={`import-task-recurrence-${task.index}`}
                />
              ) : task.recurrence ? (
                t(`plans.recurrence.${task.recurrence}`)
              ) : (
                '—'
              ),
          },
          ...(isEditable
            ? [
                {
                  title: '',
                  key: 'exclude',
                  width: 56,
                  render: (_: unknown, task: ImportTask & { index: number }) => (
                    <Popconfirm
                      title={t('planImport.excludeConfirm')}
                      onConfirm={() => void correct({ index: task.index, exclude: true }, t('planImport.excluded'))}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('planImport.exclude')}
                        title={t('planImport.exclude')}
                        data-testid={`import-task-exclude-${task.index}`}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

import { CORRECTION_FIELD_LABELS, FILE_CLOSURE_REASON_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';

type Correction = NonNullable<VictimFileDetail['corrections']>[number];

/**
 * What was corrected, when, by whom and why (never the old or new values, which stay encrypted),
 * and the file's closing.
 */
export function HistoryTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const persons = new Map(file.persons.map((person) => [person.id, person.maskedName]));
  const none = t('victimFile.none');
  const corrections = [...(file.corrections ?? [])].sort((a, b) => b.changedAt.localeCompare(a.changedAt));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('victimFile.history.corrections')}>
        <Table<Correction>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={corrections}
          data-testid="corrections-table"
          locale={{ emptyText: t('victimFile.history.noCorrections') }}
          onRow={(correction) => ({ 'data-testid': `correction-row-${correction.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'at', title: t('victimFile.history.changedAt'), width: 150, render: (_, row) => formatDateTime(row.changedAt) },
            { key: 'by', title: t('victimFile.history.changedBy'), width: 160, render: (_, row) => row.changedByName ?? none },
            {
              key: 'entity',
              title: t('victimFile.history.entity'),
              width: 180,
              render: (_, row) =>
                row.entityType === 'reception'
                  ? t('victimFile.history.entityReception')
                  : t('victimFile.history.entityPerson', { name: (row.personId && persons.get(row.personId)) || none }),
            },
            {
              key: 'fields',
              title: t('victimFile.history.fields'),
              render: (_, row) => (
                <Space wrap size={[4, 4]}>
                  {row.changedFields.map((field) => (
                    <Tag key={field}>{pickLabel(CORRECTION_FIELD_LABELS[field], field)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'reason',
              title: t('victimFile.history.reason'),
              render: (_, row) => <span style={{ whiteSpace: 'pre-wrap' }}>{row.reason}</span>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('victimFile.history.closure')} data-testid="closure-card">
        {file.closure ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'date', label: t('victimFile.close.closedOn'), children: formatDate(file.closure.closedOn) },
              { key: 'reason', label: t('victimFile.close.reason'), children: pickLabel(FILE_CLOSURE_REASON_LABELS[file.closure.reason]) },
              { key: 'note', label: t('victimFile.close.note'), children: file.closure.note ?? none },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">
            {file.status === 'open' ? t('victimFile.history.notClosed') : t('victimFile.header.closed')}
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
}

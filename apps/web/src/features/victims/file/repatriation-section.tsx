import { REPATRIATION_STATUS_LABELS, type RepatriationStatus, type VictimFileDetail } from '@atmis/domain';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/countries.ts';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { RepatriationView } from '../api/victims-api.ts';
import { RepatriationAddModal } from './repatriation-add-modal.tsx';
import { foreignPersons, nextRepatriationStatuses } from './repatriation-rules.ts';
import { RepatriationUpdateModal } from './repatriation-update-modal.tsx';
import { CareSection, PERSON_COLUMN_WIDTH, PersonCell } from './support-care-parts.tsx';

const STATUS_COLORS: Record<RepatriationStatus, string> = {
  planned: 'gold',
  mission_contacted: 'blue',
  handed_over: 'green',
  cancelled: 'default',
};

/** Repatriation of the file's foreign persons: mission contacted, handover, status. */
export function RepatriationSection({
  file,
  repatriations,
  canRecord,
}: {
  file: VictimFileDetail;
  repatriations: RepatriationView[];
  canRecord: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [updating, setUpdating] = useState<RepatriationView | null>(null);
  const hasForeigners = foreignPersons(file.persons).length > 0;

  return (
    <CareSection
      title={t('victimCare.repatriation.title')}
      testId="repatriation-section"
      action={
        canRecord &&
        hasForeigners && (
          <Button icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="repatriation-add">
            {t('victimCare.repatriation.add')}
          </Button>
        )
      }
    >
      {!hasForeigners && repatriations.length === 0 ? (
        <Typography.Text type="secondary" data-testid="repatriation-none">
          {t('victimCare.repatriation.noForeignPerson')}
        </Typography.Text>
      ) : (
        <Table<RepatriationView>
          data-testid="repatriation-table"
          rowKey="id"
          size="small"
          dataSource={repatriations}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(repatriation) => ({ 'data-testid': `repatriation-row-${repatriation.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('victimCare.repatriation.empty')} /> }}
          columns={[
            {
              title: t('victimCare.common.person'),
              key: 'person',
              width: PERSON_COLUMN_WIDTH,
              render: (_, row) => <PersonCell file={file} personId={row.personId} />,
            },
            {
              title: t('victimCare.repatriation.country'),
              dataIndex: 'country',
              render: (_, row) => countryName(row.country, i18n.language),
            },
            { title: t('victimCare.repatriation.mission'), dataIndex: 'mission', render: (_, row) => row.mission ?? '' },
            {
              title: t('victimCare.repatriation.missionContactedOn'),
              dataIndex: 'missionContactedOn',
              width: 110,
              render: (_, row) => formatDate(row.missionContactedOn),
            },
            {
              title: t('victimCare.repatriation.handover'),
              key: 'handover',
              render: (_, row) => (
                <Space orientation="vertical" size={0}>
                  {row.handoverOn && <span>{formatDate(row.handoverOn)}</span>}
                  {row.handoverPlace && <Typography.Text type="secondary">{row.handoverPlace}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('victimCare.common.status'),
              dataIndex: 'status',
              render: (_, row) => (
                <Tag color={STATUS_COLORS[row.status]} data-testid={`repatriation-status-${row.id}`} data-status={row.status}>
                  {pickLabel(REPATRIATION_STATUS_LABELS[row.status])}
                </Tag>
              ),
            },
            { title: t('victimCare.common.notes'), dataIndex: 'notes', render: (_, row) => row.notes ?? '' },
            ...(canRecord
              ? [
                  {
                    title: t('victimCare.common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, row: RepatriationView) =>
                      nextRepatriationStatuses(row.status).length > 0 && (
                        <Button size="small" onClick={() => setUpdating(row)} data-testid={`repatriation-update-${row.id}`}>
                          {t('victimCare.repatriation.update')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {isAdding && <RepatriationAddModal file={file} onClose={() => setIsAdding(false)} />}
      {updating && <RepatriationUpdateModal file={file} repatriation={updating} onClose={() => setUpdating(null)} />}
    </CareSection>
  );
}

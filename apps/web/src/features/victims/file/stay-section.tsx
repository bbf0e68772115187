import type { VictimFileDetail } from '@atmis/domain';
import { HomeOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { StayView } from '../api/victims-api.ts';
import { StayAdmitModal } from './stay-admit-modal.tsx';
import { StayDischargeModal } from './stay-discharge-modal.tsx';
import { CareSection, PERSON_COLUMN_WIDTH, PersonCell } from './support-care-parts.tsx';

/** Stays of the persons in support facilities: admissions, discharges, who is staying now. */
export function StaySection({ file, stays, canRecord }: { file: VictimFileDetail; stays: StayView[]; canRecord: boolean }) {
  const { t } = useTranslation();
  const [isAdmitting, setIsAdmitting] = useState(false);
  const [discharging, setDischarging] = useState<StayView | null>(null);

  return (
    <CareSection
      title={t('victimCare.stay.title')}
      testId="stays-section"
      action={
        canRecord && (
          <Button icon={<HomeOutlined />} onClick={() => setIsAdmitting(true)} data-testid="stay-admit">
            {t('victimCare.stay.admit')}
          </Button>
        )
      }
    >
      <Table<StayView>
        data-testid="stays-table"
        rowKey="id"
        size="small"
        dataSource={stays}
        pagination={false}
        scroll={{ x: 800 }}
        onRow={(stay) => ({ 'data-testid': `stay-row-${stay.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('victimCare.stay.empty')} /> }}
        columns={[
          {
            title: t('victimCare.common.person'),
            key: 'person',
            width: PERSON_COLUMN_WIDTH,
            render: (_, stay) => <PersonCell file={file} personId={stay.personId} />,
          },
          { title: t('victimCare.stay.facility'), dataIndex: 'facilityName' },
          { title: t('victimCare.stay.admittedOn'), dataIndex: 'admittedOn', width: 110, render: (_, stay) => formatDate(stay.admittedOn) },
          {
            title: t('victimCare.stay.dischargedOn'),
            dataIndex: 'dischargedOn',
            width: 120,
            render: (_, stay) =>
              stay.dischargedOn ? formatDate(stay.dischargedOn) : <Tag color="blue">{t('victimCare.stay.staying')}</Tag>,
          },
          { title: t('victimCare.common.notes'), dataIndex: 'notes', render: (_, stay) => stay.notes ?? '' },
          ...(canRecord
            ? [
                {
                  title: t('victimCare.common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, stay: StayView) =>
                    !stay.dischargedOn && (
                      <Button size="small" onClick={() => setDischarging(stay)} data-testid={`stay-discharge-${stay.id}`}>
                        {t('victimCare.stay.discharge')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {isAdmitting && <StayAdmitModal file={file} onClose={() => setIsAdmitting(false)} />}
      {discharging && <StayDischargeModal stay={discharging} onClose={() => setDischarging(null)} />}
    </CareSection>
  );
}

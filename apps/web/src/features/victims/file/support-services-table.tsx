import { nextSupportStatuses, SUPPORT_STATUS_LABELS, SUPPORT_TYPE_LABELS, type SupportStatus, type VictimFileDetail } from '@atmis/domain';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { SupportServiceView } from '../api/victims-api.ts';
import { OverdueTag, PERSON_COLUMN_WIDTH, PersonCell, useFormatVnd } from './support-care-parts.tsx';
import { SupportUpdateModal } from './support-update-modal.tsx';

const STATUS_COLORS: Record<SupportStatus, string> = { planned: 'gold', in_progress: 'blue', completed: 'green', cancelled: 'default' };

/** The support plan and the support given, one row per service, with its update when allowed. */
export function SupportServicesTable({
  file,
  services,
  canUpdate,
}: {
  file: VictimFileDetail;
  services: SupportServiceView[];
  canUpdate: boolean;
}) {
  const { t } = useTranslation();
  const formatVnd = useFormatVnd();
  const [updating, setUpdating] = useState<SupportServiceView | null>(null);

  const dateLine = (key: 'appliedOn' | 'startedOn' | 'endedOn', value: string | null) =>
    value && (
      <Typography.Text key={key} style={{ whiteSpace: 'nowrap' }}>
        {t(`victimCare.support.${key}`)}: {formatDate(value)}
      </Typography.Text>
    );

  return (
    <>
      <Table<SupportServiceView>
        data-testid="support-table"
        rowKey="id"
        size="small"
        dataSource={services}
        pagination={false}
        scroll={{ x: 1400 }}
        onRow={(service) => ({ 'data-testid': `support-row-${service.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('victimCare.support.empty')} /> }}
        columns={[
          {
            title: t('victimCare.common.person'),
            key: 'person',
            width: PERSON_COLUMN_WIDTH,
            render: (_, service) => <PersonCell file={file} personId={service.personId} />,
          },
          {
            title: t('victimCare.support.type'),
            dataIndex: 'type',
            width: 180,
            render: (_, service) => pickLabel(SUPPORT_TYPE_LABELS[service.type]),
          },
          {
            title: t('victimCare.support.provider'),
            key: 'provider',
            width: 180,
            render: (_, service) => [service.providerAgencyName, service.providerName].filter(Boolean).join(' — '),
          },
          {
            title: t('victimCare.common.status'),
            dataIndex: 'status',
            render: (_, service) => (
              <Tag color={STATUS_COLORS[service.status]} data-testid={`support-status-${service.id}`} data-status={service.status}>
                {pickLabel(SUPPORT_STATUS_LABELS[service.status])}
              </Tag>
            ),
          },
          {
            title: t('victimCare.support.dates'),
            key: 'dates',
            render: (_, service) => (
              <Space orientation="vertical" size={0}>
                {dateLine('appliedOn', service.appliedOn)}
                {dateLine('startedOn', service.startedOn)}
                {dateLine('endedOn', service.endedOn)}
              </Space>
            ),
          },
          {
            title: t('victimCare.support.amount'),
            dataIndex: 'amountVnd',
            align: 'right',
            render: (_, service) => <span style={{ whiteSpace: 'nowrap' }}>{formatVnd(service.amountVnd)}</span>,
          },
          {
            title: t('victimCare.support.decisionDueOn'),
            dataIndex: 'decisionDueOn',
            render: (_, service) =>
              service.decisionDueOn && (
                <Space size={4} wrap>
                  <span>{formatDate(service.decisionDueOn)}</span>
                  {service.isDecisionOverdue && <OverdueTag testId={`support-overdue-${service.id}`} />}
                </Space>
              ),
          },
          { title: t('victimCare.common.notes'), dataIndex: 'notes', width: 220, render: (_, service) => service.notes ?? '' },
          ...(canUpdate
            ? [
                {
                  title: t('victimCare.common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, service: SupportServiceView) =>
                    nextSupportStatuses(service.status).length > 0 && (
                      <Button size="small" onClick={() => setUpdating(service)} data-testid={`support-update-${service.id}`}>
                        {t('victimCare.support.update')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {updating && <SupportUpdateModal support={updating} onClose={() => setUpdating(null)} />}
    </>
  );
}

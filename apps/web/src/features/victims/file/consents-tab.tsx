import { CONSENT_GIVER_LABELS, CONSENT_PURPOSE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { ConsentView } from '../api/victims-api.ts';
import { ConsentAddModal } from './consent-add-modal.tsx';
import { ConsentWithdrawModal } from './consent-withdraw-modal.tsx';
import { CareSection, ClosedFileNotice, PERSON_COLUMN_WIDTH, PersonCell, useCareFlags } from './support-care-parts.tsx';

/** Consents of the persons of the file, per purpose: who gave them, when, and whether still in force. */
export function ConsentsTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const flags = useCareFlags(file);
  const [isAdding, setIsAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);

  if (file.consents === null) return <Empty description={t('victimCare.common.notVisible')} />;
  return (
    <>
      <ClosedFileNotice file={file} />
      <CareSection
        title={t('victimCare.consent.title')}
        action={
          flags.canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="consent-add">
              {t('victimCare.consent.add')}
            </Button>
          )
        }
      >
        <Table<ConsentView>
          data-testid="consent-table"
          rowKey="id"
          size="small"
          dataSource={file.consents}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('victimCare.consent.empty')} /> }}
          columns={[
            {
              title: t('victimCare.common.person'),
              key: 'person',
              width: PERSON_COLUMN_WIDTH,
              render: (_, consent) => <PersonCell file={file} personId={consent.personId} />,
            },
            {
              title: t('victimCare.consent.purpose'),
              dataIndex: 'purpose',
              render: (_, consent) => pickLabel(CONSENT_PURPOSE_LABELS[consent.purpose]),
            },
            {
              title: t('victimCare.consent.givenBy'),
              dataIndex: 'givenBy',
              render: (_, consent) => pickLabel(CONSENT_GIVER_LABELS[consent.givenBy]),
            },
            {
              title: t('victimCare.consent.givenOn'),
              dataIndex: 'givenOn',
              width: 110,
              render: (_, consent) => formatDate(consent.givenOn),
            },
            { title: t('victimCare.common.note'), dataIndex: 'note', render: (_, consent) => consent.note ?? '' },
            {
              title: t('victimCare.common.status'),
              key: 'status',
              render: (_, consent) =>
                consent.inForce ? (
                  <Tag color="green" data-testid={`consent-status-${consent.id}`}>
                    {t('victimCare.consent.inForce')}
                  </Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Tag data-testid={`consent-status-${consent.id}`}>
                      {consent.withdrawnOn ? t('victimCare.consent.withdrawnOn', { date: formatDate(consent.withdrawnOn) }) : '—'}
                    </Tag>
                    {consent.withdrawalReason && (
                      <Typography.Text type="secondary">
                        {t('victimCare.consent.withdrawalReason', { reason: consent.withdrawalReason })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
            },
            ...(flags.canRecord
              ? [
                  {
                    title: t('victimCare.common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, consent: ConsentView) =>
                      !consent.withdrawnOn && (
                        <Button size="small" danger onClick={() => setWithdrawing(consent)} data-testid={`consent-withdraw-${consent.id}`}>
                          {t('victimCare.consent.withdraw')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </CareSection>
      {isAdding && <ConsentAddModal file={file} onClose={() => setIsAdding(false)} />}
      {withdrawing && <ConsentWithdrawModal consent={withdrawing} onClose={() => setWithdrawing(null)} />}
    </>
  );
}

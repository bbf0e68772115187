import { REFERRAL_STATUS_LABELS, SUPPORT_TYPE_LABELS, type ReferralStatus, type VictimFileDetail } from '@atmis/domain';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { ReferralView } from '../api/victims-api.ts';
import { ReferralActionButtons } from '../components/referral-actions.tsx';
import { ReferralAddModal } from './referral-add-modal.tsx';
import { CareSection, ClosedFileNotice, OverdueTag, PERSON_COLUMN_WIDTH, PersonCell, useCareFlags } from './support-care-parts.tsx';

const STATUS_COLORS: Record<ReferralStatus, string> = {
  sent: 'gold',
  accepted: 'blue',
  declined: 'red',
  completed: 'green',
  cancelled: 'default',
};

/** Referrals of the file (a receiving agency sees only its own), with the actions the server allows. */
export function ReferralsTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const flags = useCareFlags(file);
  const navigate = useNavigate();
  const [isAdding, setIsAdding] = useState(false);
  // A receiving agency reaches the file only while the referral is active: once it ends, back to the inbox.
  const leaveWhenEnded = (action: string) => {
    if (file.access === 'referral' && (action === 'complete' || action === 'decline'))
      void navigate({ to: '/support', search: { tab: 'referrals' } });
  };

  return (
    <>
      <ClosedFileNotice file={file} />
      <CareSection
        title={t('victimCare.referral.title')}
        action={
          flags.canRefer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="referral-add">
              {t('victimCare.referral.add')}
            </Button>
          )
        }
      >
        <Table<ReferralView>
          data-testid="referral-table"
          rowKey="id"
          size="small"
          dataSource={file.referrals}
          pagination={false}
          scroll={{ x: 1450 }}
          onRow={(referral) => ({ 'data-testid': `referral-row-${referral.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('victimCare.referral.empty')} /> }}
          columns={[
            {
              title: t('victimCare.common.person'),
              key: 'person',
              width: PERSON_COLUMN_WIDTH,
              render: (_, referral) => <PersonCell file={file} personId={referral.personId} fallback={referral.personMaskedName} />,
            },
            { title: t('victimCare.referral.receivingAgency'), dataIndex: 'receivingAgencyName', width: 200 },
            { title: t('victimCare.referral.reason'), dataIndex: 'reason', width: 220 },
            {
              title: t('victimCare.referral.services'),
              key: 'services',
              render: (_, referral) => (
                <Space size={[0, 4]} wrap>
                  {referral.services.map((service) => (
                    <Tag key={service}>{pickLabel(SUPPORT_TYPE_LABELS[service])}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('victimCare.referral.basis'),
              key: 'basis',
              render: (_, referral) =>
                referral.basis === 'consent' ? (
                  t('victimCare.referral.basisConsent')
                ) : (
                  <Tooltip title={referral.legalBasis}>
                    <span>
                      {t('victimCare.referral.basisLegal')}
                      {referral.legalBasis ? `: ${referral.legalBasis}` : ''}
                    </span>
                  </Tooltip>
                ),
            },
            {
              title: t('victimCare.referral.sentOn'),
              dataIndex: 'sentOn',
              width: 105,
              render: (_, referral) => formatDate(referral.sentOn),
            },
            {
              title: t('victimCare.referral.answerDueOn'),
              dataIndex: 'answerDueOn',
              width: 120,
              render: (_, referral) => (
                <Space size={4} wrap>
                  <span>{formatDate(referral.answerDueOn)}</span>
                  {referral.isOverdue && <OverdueTag testId={`referral-overdue-${referral.id}`} />}
                </Space>
              ),
            },
            {
              title: t('victimCare.common.status'),
              key: 'status',
              render: (_, referral) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLORS[referral.status]} data-testid={`referral-status-${referral.id}`} data-status={referral.status}>
                    {pickLabel(REFERRAL_STATUS_LABELS[referral.status])}
                  </Tag>
                  {referral.declineReason && (
                    <Typography.Text type="secondary">
                      {t('victimCare.referral.declineReason', { reason: referral.declineReason })}
                    </Typography.Text>
                  )}
                  {referral.cancelReason && (
                    <Typography.Text type="secondary">
                      {t('victimCare.referral.cancelReason', { reason: referral.cancelReason })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('victimCare.common.actions'),
              key: 'actions',
              width: 190,
              render: (_, referral) => <ReferralActionButtons referral={referral} onActed={leaveWhenEnded} />,
            },
          ]}
        />
      </CareSection>
      {isAdding && <ReferralAddModal file={file} onClose={() => setIsAdding(false)} />}
    </>
  );
}

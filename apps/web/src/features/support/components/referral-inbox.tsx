import { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, SUPPORT_TYPE_LABELS, type ReferralStatus } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Checkbox, Empty, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import {
  ReferralActionButtons,
  type ReferralListFilter,
  ReferralStatusTag,
  type ReferralView,
  useReferralList,
} from '../../victims/index.ts';
import { codeOptions } from '../../../components/code-select.tsx';

type InboxView = 'incoming' | 'outgoing';

/**
 * Referrals (chuyển tuyến) to the reader's agency (incoming: accept, decline, complete) or sent by
 * it (outgoing: cancel). Persons are masked; the file opens through the reference.
 */
export function ReferralInbox() {
  const { t } = useTranslation();
  const [view, setView] = useState<InboxView>('incoming');
  const [status, setStatus] = useState<ReferralStatus>();
  const [isOverdueOnly, setOverdueOnly] = useState(false);
  const filter: ReferralListFilter = { view, status, overdue: isOverdueOnly ? 'true' : undefined };
  const list = useReferralList(filter);
  const referrals = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const isNarrowed = Boolean(status || isOverdueOnly);

  return (
    <>
      <div className="atmis-toolbar">
        <Segmented<InboxView>
          value={view}
          onChange={setView}
          data-testid="referral-view"
          options={(['incoming', 'outgoing'] as const).map((value) => ({
            value,
            label: <span data-testid={`referral-view-${value}`}>{t(`victims.referrals.view.${value}`)}</span>,
          }))}
        />
        <Select<ReferralStatus>
          allowClear
          placeholder={t('victims.referrals.filterStatus')}
          aria-label={t('victims.referrals.filterStatus')}
          value={status}
          onChange={(next) => setStatus(next ?? undefined)}
          data-testid="referral-filter-status"
          style={{ width: 220 }}
          options={codeOptions(REFERRAL_STATUSES, REFERRAL_STATUS_LABELS)}
        />
        <Checkbox
          checked={isOverdueOnly}
          onChange={(event) => setOverdueOnly(event.target.checked)}
          data-testid="referral-overdue-only"
          style={{ alignSelf: 'center' }}
        >
          {t('victims.referrals.overdueOnly')}
        </Checkbox>
      </div>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} testId="referral-inbox-error" />
      <Table<ReferralView>
        data-testid="referral-inbox"
        rowKey="id"
        size="middle"
        loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={referrals}
        pagination={false}
        scroll={{ x: 1400 }}
        locale={{
          emptyText: <Empty description={isNarrowed ? t('common.noResults') : t(`victims.referrals.empty.${view}`)} />,
        }}
        onRow={(referral) => ({ 'data-testid': `referral-row-${referral.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('victims.referrals.file'),
            key: 'file',
            width: 150,
            fixed: 'left',
            render: (_, referral) => (
              <Link to="/victims/$id" params={{ id: referral.fileId }} data-testid={`referral-file-link-${referral.id}`}>
                {referral.fileReference}
              </Link>
            ),
          },
          { title: t('victims.referrals.person'), dataIndex: 'personMaskedName', width: 100 },
          {
            title: t('victims.referrals.sender'),
            key: 'sender',
            width: 200,
            render: (_, referral) => (
              <>
                <div>{referral.sendingAgencyName ?? referral.sendingOrgUnitName}</div>
                {referral.sendingAgencyName && <Typography.Text type="secondary">{referral.sendingOrgUnitName}</Typography.Text>}
              </>
            ),
          },
          { title: t('victims.referrals.receiver'), dataIndex: 'receivingAgencyName', width: 180 },
          {
            title: t('victims.referrals.services'),
            key: 'services',
            width: 200,
            render: (_, referral) =>
              referral.services.length === 0 ? (
                '—'
              ) : (
                <Space size={[4, 4]} wrap>
                  {referral.services.map((service) => (
                    <Tag key={service} style={{ marginInlineEnd: 0 }}>
                      {pickLabel(SUPPORT_TYPE_LABELS[service])}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          { title: t('victims.referrals.sentOn'), dataIndex: 'sentOn', width: 110, render: (value: string) => formatDate(value) },
          {
            title: t('victims.referrals.answerDue'),
            key: 'answerDue',
            width: 150,
            render: (_, referral) => (
              <Space size={4} wrap>
                <span>{formatDate(referral.answerDueOn)}</span>
                {referral.isOverdue && (
                  <Tag color="error" data-testid={`referral-overdue-${referral.id}`} style={{ marginInlineEnd: 0 }}>
                    {t('victims.referrals.overdue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('common.status'),
            key: 'status',
            width: 160,
            fixed: 'right',
            render: (_, referral) => <ReferralStatusTag status={referral.status} testId={`referral-status-${referral.id}`} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, referral) => <ReferralActionButtons referral={referral} />,
          },
        ]}
      />
      <LoadMore
        shown={referrals.length}
        total={total}
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        testId="referral-load-more"
      />
    </>
  );
}

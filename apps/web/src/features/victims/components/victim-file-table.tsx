import { ClockCircleOutlined } from '@ant-design/icons';
import { RECEPTION_WAY_LABELS, SEX_LABELS } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useVictimFileList, type VictimFileListItem, type VictimListFilter } from '../api/victims-api.ts';
import { ConfidentialityFlagIcons, IdentificationStatusTag } from './victim-tags.tsx';
import { isFilterNarrowed } from './victim-list-toolbar.tsx';

/**
 * The victim files the reader may see (by scope, or through a referral to their agency), masked:
 * initials, sex and birth year only. Shared by the victims list and the support hub's "files" tab.
 */
export function VictimFileTable({
  filter,
  onSortChange,
  emptyText,
}: {
  filter: VictimListFilter;
  onSortChange?: (sort: VictimListFilter['sort']) => void;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const list = useVictimFileList(filter);
  const files = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const receivedOrder = filter.sort === 'receivedOn' ? 'ascend' : !filter.sort || filter.sort === '-receivedOn' ? 'descend' : null;

  return (
    <>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} testId="victim-list-error" />
      <Table<VictimFileListItem>
        data-testid="victim-list"
        rowKey="id"
        size="middle"
        loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={files}
        pagination={false}
        scroll={{ x: 1040 }}
        onChange={(_pagination, _filters, sorter) => {
          const order = (sorter as SorterResult<VictimFileListItem>).order;
          onSortChange?.(order === 'ascend' ? 'receivedOn' : '-receivedOn');
        }}
        locale={{
          emptyText: <Empty description={isFilterNarrowed(filter) ? t('common.noResults') : (emptyText ?? t('victims.list.empty'))} />,
        }}
        onRow={(file) => ({ 'data-testid': `victim-row-${file.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('victims.list.reference'),
            key: 'reference',
            width: 150,
            fixed: 'left',
            render: (_, file) => (
              <Link to="/victims/$id" params={{ id: file.id }} data-testid={`victim-link-${file.id}`}>
                {file.reference}
              </Link>
            ),
          },
          {
            title: t('victims.list.person'),
            key: 'person',
            width: 190,
            render: (_, file) => (
              <Space size={4} wrap>
                <Typography.Text strong>{file.primary.maskedName}</Typography.Text>
                {file.primary.treatedAsChild && (
                  <Tag color="magenta" data-testid={`victim-child-${file.id}`}>
                    {t('victims.list.child')}
                  </Tag>
                )}
                {file.personCount > 1 && (
                  <Typography.Text type="secondary">{t('victims.list.morePersons', { count: file.personCount - 1 })}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('victims.person.sex'), key: 'sex', width: 80, render: (_, file) => pickLabel(SEX_LABELS[file.primary.sex]) },
          { title: t('victims.person.birthYear'), key: 'birthYear', width: 80, render: (_, file) => file.primary.birthYear ?? '—' },
          {
            title: t('victims.list.identification'),
            key: 'status',
            width: 240,
            render: (_, file) => (
              <Space size={4} wrap>
                <IdentificationStatusTag status={file.primary.identificationStatus} testId={`victim-status-${file.id}`} />
                {file.status === 'closed' && (
                  <Tag data-testid={`victim-closed-${file.id}`} style={{ marginInlineEnd: 0 }}>
                    {t('victims.list.closed')}
                  </Tag>
                )}
                {file.hasOverdueDeadline && (
                  <Tooltip title={t('victims.list.overdueHelp')}>
                    <Tag
                      color="error"
                      icon={<ClockCircleOutlined />}
                      data-testid={`victim-overdue-${file.id}`}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {t('victims.list.overdue')}
                    </Tag>
                  </Tooltip>
                )}
                {file.access === 'referral' && (
                  <Tooltip title={t('victims.list.viaReferralHelp')}>
                    <Tag color="purple" data-testid={`victim-via-referral-${file.id}`} style={{ marginInlineEnd: 0 }}>
                      {t('victims.list.viaReferral')}
                    </Tag>
                  </Tooltip>
                )}
                <ConfidentialityFlagIcons flags={file.confidentialityFlags} testIdPrefix={`victim-flag-${file.id}`} />
              </Space>
            ),
          },
          {
            title: t('victims.list.receivedOn'),
            dataIndex: 'receivedOn',
            width: 130,
            sorter: Boolean(onSortChange),
            sortOrder: onSortChange ? receivedOrder : undefined,
            sortDirections: ['descend', 'ascend', 'descend'],
            render: (value: string) => formatDate(value),
          },
          {
            title: t('victims.list.receptionWay'),
            dataIndex: 'receptionWay',
            width: 200,
            responsive: ['xl'],
            render: (value: VictimFileListItem['receptionWay']) => pickLabel(RECEPTION_WAY_LABELS[value]),
          },
          {
            title: t('victims.list.unit'),
            key: 'unit',
            width: 220,
            render: (_, file) => (
              <>
                <div>{file.orgUnitName}</div>
                {file.agencyName && <Typography.Text type="secondary">{file.agencyName}</Typography.Text>}
              </>
            ),
          },
        ]}
      />
      <LoadMore
        shown={files.length}
        total={total}
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        testId="victim-load-more"
      />
    </>
  );
}

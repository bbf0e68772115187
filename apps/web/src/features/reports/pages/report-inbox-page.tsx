import { CalendarOutlined, FileTextOutlined } from '@ant-design/icons';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportView } from '@atmis/domain';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Card, Empty, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import {
  REPORT_INBOX_VIEWS,
  REPORT_SORTS,
  useReportList,
  type ReportInboxView,
  type ReportKind,
  type ReportSort,
  type ReportStatus,
} from '../api/reports-api.ts';
import { ReportDueDate, ReportKindTag, ReportStatusTag } from '../components/report-status-tag.tsx';
import { periodLabel, sortLabelKey } from '../components/report-labels.ts';

function ReportTable({ reports, isLoading, emptyText }: { reports: ReportView[]; isLoading: boolean; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<ReportView> = [
    {
      title: t('reportWork.columns.period'),
      key: 'period',
      width: 200,
      render: (_, report) => (
        <Space orientation="vertical" size={0}>
          <Link to="/reports/$id" params={{ id: report.id }} data-testid={`report-link-${report.id}`}>
            {periodLabel(report.period, i18n.language)}
          </Link>
          <ReportKindTag kind={report.kind} />
        </Space>
      ),
    },
    {
      title: t('reportWork.columns.schedule'),
      dataIndex: 'scheduleName',
      minWidth: 220,
      render: (name: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} title={name}>
          {name}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('reportWork.columns.unit'),
      key: 'unit',
      width: 240,
      render: (_, report) => (
        <Space orientation="vertical" size={0}>
          <span>{report.agencyName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reportWork.sentTo', { unit: report.recipientOrgUnitName })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reportWork.columns.status'),
      key: 'status',
      width: 140,
      render: (_, report) => <ReportStatusTag status={report.status} />,
    },
    {
      title: t('reportWork.columns.dueDate'),
      key: 'due',
      width: 190,
      render: (_, report) => <ReportDueDate report={report} />,
    },
    {
      title: t('reportWork.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['lg'],
      render: (value: string) => formatDateTime(value),
    },
  ];
  return (
    <Table<ReportView>
      data-testid="report-table"
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={reports}
      pagination={false}
      scroll={{ x: 1000 }}
      columns={columns}
      onRow={(report) =>
        ({
          'data-testid': `report-row-${report.id}`,
          'data-status': report.status,
          'data-overdue': String(report.overdue),
        }) as React.HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}

/** "Báo cáo định kỳ": the reports the user's agency must write, those sent to the user's unit, or all visible. */
function ReportInbox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canReview = useCan('review:reports');
  const canManageTemplates = useCan('manage:report_templates');
  const canSubmit = useCan('submit:reports');
  const search: Record<string, unknown> = useSearch({ strict: false });
  const views: ReportInboxView[] = REPORT_INBOX_VIEWS.filter((value) => value !== 'addressed' || canReview);
  const requested = views.find((value) => value === search.view);
  const view: ReportInboxView = requested ?? (canReview && !canSubmit ? 'addressed' : 'mine');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ReportStatus>();
  const [kind, setKind] = useState<ReportKind>();
  const [sort, setSort] = useState<ReportSort>('-updatedAt');

  const list = useReportList({ view, q: q || undefined, status, kind, sort });
  const reports = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const isFiltered = Boolean(q || status || kind);
  const emptyText = isFiltered
    ? t('reportWork.inbox.emptyFiltered')
    : view === 'mine'
      ? t('reportWork.inbox.emptyMine')
      : view === 'addressed'
        ? t('reportWork.inbox.emptyAddressed')
        : t('reportWork.inbox.empty');

  return (
    <>
      <PageHeader
        title={t('reportWork.inbox.title')}
        testId="report-inbox-title"
        extra={
          <Space wrap>
            {canReview && (
              <Link to="/reports/schedules" data-testid="report-link-schedules">
                <Button icon={<CalendarOutlined />}>{t('reportWork.inbox.schedules')}</Button>
              </Link>
            )}
            {(canReview || canManageTemplates) && (
              <Link to="/reports/templates" data-testid="report-link-templates">
                <Button icon={<FileTextOutlined />}>{t('reportWork.inbox.templates')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card data-testid="report-inbox">
        <Tabs
          activeKey={view}
          onChange={(value) => void navigate({ to: '/reports', search: { view: value as ReportInboxView } })}
          items={views.map((value) => ({
            key: value,
            label: <span data-testid={`report-view-${value}`}>{t(`reportWork.views.${value}`)}</span>,
          }))}
        />
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="report-search" placeholder={t('reportWork.inbox.searchPlaceholder')} width={320} />
          <Select
            allowClear
            placeholder={t('reportWork.inbox.filterStatus')}
            value={status}
            onChange={setStatus}
            data-testid="report-filter-status"
            style={{ width: 200 }}
            options={REPORT_STATUSES.map((value) => ({ value, label: pickLabel(REPORT_STATUS_LABELS[value], value) }))}
          />
          <Select
            allowClear
            placeholder={t('reportWork.inbox.filterKind')}
            value={kind}
            onChange={setKind}
            data-testid="report-filter-kind"
            style={{ width: 200 }}
            options={(['unit', 'consolidated'] as const).map((value) => ({ value, label: t(`reportWork.kinds.${value}`) }))}
          />
          <Select
            value={sort}
            onChange={setSort}
            data-testid="report-sort"
            aria-label={t('reportWork.inbox.sort')}
            style={{ width: 200 }}
            options={REPORT_SORTS.map((value) => ({ value, label: t(`reportWork.sort.${sortLabelKey(value)}`) }))}
          />
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <ReportTable reports={reports} isLoading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)} emptyText={emptyText} />
        <LoadMore
          shown={reports.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          testId="report-load-more"
        />
      </Card>
    </>
  );
}

export function ReportInboxPage() {
  return (
    <PermissionGate permission="read:reports">
      <ReportInbox />
    </PermissionGate>
  );
}

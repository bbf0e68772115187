import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReportScheduleView } from '@atmis/domain';
import { Card, Empty, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { reportPaths } from '../api/report-paths.ts';
import { useScheduleList } from '../api/report-schedules-api.ts';
import { AppLink, AppLinkButton } from '../../../components/app-link.tsx';
import { ScheduleActiveTag } from '../components/schedule-tags.tsx';

type ActiveFilter = 'true' | 'false' | 'all';

function ScheduleList() {
  const { t } = useTranslation();
  const canReview = useCan('review:reports');
  const { options: unitOptions } = useWorkingUnit();
  const [q, setQ] = useState('');
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useScheduleList({ q: q || undefined, orgUnitId, active: active === 'all' ? undefined : active === 'true' });
  const schedules = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const isFiltered = Boolean(q || orgUnitId || active !== 'true');

  return (
    <>
      <PageHeader
        title={t('reportSetup.schedules.title')}
        testId="schedules-title"
        extra={
          <Space wrap>
            <AppLinkButton to={reportPaths.templates()} icon={<FileTextOutlined />} testId="schedules-templates-link">
              {t('reportSetup.templates.title')}
            </AppLinkButton>
            {canReview && (
              <AppLinkButton to={reportPaths.newSchedule()} type="primary" icon={<PlusOutlined />} testId="schedule-create">
                {t('reportSetup.schedules.create')}
              </AppLinkButton>
            )}
          </Space>
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="schedule-search" placeholder={t('reportSetup.schedules.searchPlaceholder')} width={320} />
          <OrgUnitSelect
            value={orgUnitId}
            onChange={(value) => setOrgUnitId(value)}
            knownOptions={unitOptions.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
            allowClear
            placeholder={t('reportSetup.schedules.filterUnit')}
            testId="schedule-filter-unit"
            style={{ width: 260 }}
          />
          <Select<ActiveFilter>
            value={active}
            onChange={setActive}
            aria-label={t('reportSetup.schedules.filterActive')}
            data-testid="schedule-filter-active"
            style={{ width: 180 }}
            options={[
              { value: 'true', label: t('reportSetup.schedules.activeOnly') },
              { value: 'false', label: t('reportSetup.schedules.inactiveOnly') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<ReportScheduleView>
          data-testid="schedules-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={schedules}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: (
              <Empty description={isFiltered ? t('common.noResults') : t('reportSetup.schedules.empty')}>
                {!isFiltered && canReview && (
                  <AppLinkButton to={reportPaths.newSchedule()} type="primary" icon={<PlusOutlined />} testId="schedule-create-empty">
                    {t('reportSetup.schedules.create')}
                  </AppLinkButton>
                )}
              </Empty>
            ),
          }}
          onRow={(schedule) => ({ 'data-testid': `schedule-row-${schedule.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('reportSetup.schedules.name'),
              dataIndex: 'name',
              render: (name: string, schedule) => (
                <Space orientation="vertical" size={0}>
                  <AppLink to={reportPaths.schedule(schedule.id)} testId={`schedule-link-${schedule.id}`}>
                    {name}
                  </AppLink>
                  {schedule.planTitle && (
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                      {t('reportSetup.schedules.fromPlan', { plan: schedule.planTitle })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('reportSetup.schedules.periodType'),
              key: 'periodType',
              width: 150,
              render: (_, schedule) =>
                schedule.kind === 'ad_hoc' ? (
                  <Tag color="purple">{t('reportSetup.kinds.ad_hoc')}</Tag>
                ) : (
                  t(`reportSetup.frequencyLabel.${schedule.periodType}`)
                ),
            },
            {
              title: t('reportSetup.schedules.template'),
              key: 'template',
              width: 240,
              responsive: ['lg'],
              render: (_, schedule) => (
                <Typography.Text ellipsis style={{ maxWidth: 220 }} title={schedule.templateName}>
                  {schedule.templateName}{' '}
                  <Typography.Text type="secondary">
                    ({t('reportSetup.templates.versionN', { version: schedule.templateVersion })})
                  </Typography.Text>
                </Typography.Text>
              ),
            },
            {
              title: t('reportSetup.schedules.recipient'),
              key: 'recipient',
              width: 240,
              responsive: ['md'],
              render: (_, schedule) => (
                <Space orientation="vertical" size={0}>
                  <span>{schedule.recipientAgencyName}</span>
                  <Typography.Text type="secondary">{schedule.orgUnitName}</Typography.Text>
                </Space>
              ),
            },
            { title: t('reportSetup.schedules.reporterCount'), dataIndex: 'reporterCount', width: 130, align: 'right' },
            { title: t('reportSetup.schedules.dueRule'), dataIndex: 'dueRuleLabel', width: 220, responsive: ['xl'] },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 130,
              render: (value: boolean, schedule) => <ScheduleActiveTag active={value} testId={`schedule-active-${schedule.id}`} />,
            },
          ]}
        />
        <LoadMore
          shown={schedules.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}

/** "Lịch báo cáo": the periodic reports and ad hoc requests addressed to units in the reader's scope. */
export function ReportScheduleListPage() {
  const { t } = useTranslation();
  const canRead = useCan('read:reports');
  const canReview = useCan('review:reports');
  if (!canRead && !canReview) return <Result status="403" title="403" subTitle={t('common.notAllowed')} data-testid="page-forbidden" />;
  return <ScheduleList />;
}

import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanView } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { formatDate, formatValidity } from '../../../lib/format.ts';
import { PLAN_STATUSES, usePlanList, type PlanStatus } from '../api/plans-api.ts';
import { PlanCreateModal } from '../components/plan-create-modal.tsx';
import { PlanStatusTag, planNumberSymbol } from '../components/plan-status-tag.tsx';

function PlanList() {
  const { t } = useTranslation();
  const canManage = useCan('manage:plans');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PlanStatus>();
  const [isCreating, setCreating] = useState(false);
  const list = usePlanList({ q: q || undefined, status });
  const plans = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        extra={
          canManage && (
            <Space wrap>
              <Link to="/plans/import">
                <Button type="primary" icon={<FileAddOutlined />} data-testid="plan-import-button">
                  {t('plans.import')}
                </Button>
              </Link>
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create-button">
                {t('plans.create')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="plan-search" placeholder={t('plans.searchPlaceholder')} width={320} />
          <Select
            allowClear
            placeholder={t('plans.filterStatus')}
            value={status}
            onChange={setStatus}
            data-testid="plan-filter-status"
            style={{ width: 200 }}
            options={PLAN_STATUSES.map((value) => ({ value, label: t(`plans.status.${value}`) }))}
          />
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<PlanView>
          data-testid="plans-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={plans}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText:
              q || status ? (
                <Empty description={t('common.noResults')} />
              ) : canManage ? (
                // Nothing yet and the reader may add plans: the two ways to start, not only "no data".
                <Empty description={t('plans.emptyManage')} data-testid="plan-list-empty">
                  <Space wrap>
                    <Link to="/plans/import">
                      <Button type="primary" icon={<FileAddOutlined />} data-testid="plan-empty-import">
                        {t('plans.import')}
                      </Button>
                    </Link>
                    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-empty-create">
                      {t('plans.create')}
                    </Button>
                  </Space>
                </Empty>
              ) : (
                <Empty description={t('common.empty')} />
              ),
          }}
          onRow={(plan) => ({ 'data-testid': `plan-row-${plan.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('plans.numberSymbol'),
              key: 'number',
              width: 150,
              render: (_, plan) => (
                <Link to="/plans/$id" params={{ id: plan.id }} data-testid={`plan-link-${plan.id}`}>
                  {planNumberSymbol(plan) || t('common.details')}
                </Link>
              ),
            },
            {
              title: t('plans.titleField'),
              dataIndex: 'title',
              render: (title: string, plan) => (
                <Link to="/plans/$id" params={{ id: plan.id }}>
                  <Typography.Text style={{ color: 'inherit' }}>{title}</Typography.Text>
                </Link>
              ),
            },
            {
              title: t('plans.issuer'),
              key: 'issuer',
              width: 220,
              responsive: ['lg'],
              render: (_, plan) => plan.issuerAgencyName ?? plan.issuerName ?? '—',
            },
            { title: t('plans.issueDate'), dataIndex: 'issueDate', width: 120, render: (value: string | null) => formatDate(value) || '—' },
            {
              title: t('plans.period'),
              key: 'period',
              width: 200,
              responsive: ['md'],
              render: (_, plan) => formatValidity(plan.periodFrom, plan.periodTo, '…') || '—',
            },
            {
              title: t('plans.statusLabel'),
              dataIndex: 'status',
              width: 140,
              render: (value: PlanStatus, plan) => <PlanStatusTag status={value} testId={`plan-status-${plan.id}`} />,
            },
            { title: t('plans.tasks'), dataIndex: 'taskCount', width: 100, align: 'right' },
          ]}
        />
        <LoadMore
          shown={plans.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
      {canManage && isCreating && <PlanCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

export function PlanListPage() {
  return (
    <PermissionGate permission="read:plans">
      <PlanList />
    </PermissionGate>
  );
}

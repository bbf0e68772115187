import type { PlanDetail } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { PlanStatusTag, planNumberSymbol } from './plan-status-tag.tsx';

type CascadeUnit = PlanDetail['cascade']['expected'][number];

/** Which expected units (members, localities) have issued their implementing plan, and which not yet. */
export function PlanCascadeTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { expected, expectedCount, issuedCount } = plan.cascade;
  if (expectedCount === 0) return <Empty description={t('plans.cascadeEmpty')} data-testid="plan-cascade-empty" />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong data-testid="plan-cascade-summary">
          {t('plans.cascadeSummary', { issued: issuedCount, expected: expectedCount })}
        </Typography.Text>
        <Progress percent={Math.round((issuedCount / expectedCount) * 100)} size="small" style={{ width: 200, margin: 0 }} />
      </Space>
      <Table<CascadeUnit>
        data-testid="plan-cascade-table"
        size="small"
        rowKey="agencyId"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={[...expected].sort((a, b) => Number(a.hasIssued) - Number(b.hasIssued))}
        columns={[
          { title: t('plans.cascadeUnit'), dataIndex: 'agencyName' },
          {
            title: t('plans.cascadeKind'),
            dataIndex: 'kind',
            width: 140,
            render: (kind: CascadeUnit['kind']) => t(`plans.cascadeKinds.${kind}`),
          },
          {
            title: t('common.status'),
            dataIndex: 'hasIssued',
            width: 150,
            render: (hasIssued: boolean, unit) => (
              <Tag color={hasIssued ? 'green' : 'red'} data-testid={`plan-cascade-status-${unit.agencyId}`}>
                {hasIssued ? t('plans.cascadeIssued') : t('plans.cascadeNotIssued')}
              </Tag>
            ),
          },
          {
            title: t('plans.cascadePlans'),
            key: 'plans',
            render: (_, unit) => (
              <Space orientation="vertical" size={0}>
                {unit.implementingPlans.map((child) => (
                  <Space key={child.id} size={4} wrap>
                    <Link to="/plans/$id" params={{ id: child.id }}>
                      {[planNumberSymbol(child), child.title].filter(Boolean).join(' — ')}
                    </Link>
                    {child.issueDate && <Typography.Text type="secondary">{formatDate(child.issueDate)}</Typography.Text>}
                    <PlanStatusTag status={child.status} />
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

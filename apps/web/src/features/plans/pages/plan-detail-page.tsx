import { ArrowLeftOutlined, CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { App, Button, Card, Popconfirm, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useIssuePlan, usePlan } from '../api/plans-api.ts';
import { PlanAttachmentsCard } from '../components/plan-attachments-card.tsx';
import { PlanBasisCard } from '../components/plan-basis-card.tsx';
import { PlanCascadeTab } from '../components/plan-cascade-tab.tsx';
import { PlanExportButtons } from '../components/plan-export-buttons.tsx';
import { planNumberSymbol } from '../components/plan-status-tag.tsx';
import { PlanSummaryCard } from '../components/plan-summary-card.tsx';
import { PlanTaskCreateModal } from '../components/plan-task-create-modal.tsx';
import { PlanTasksTab } from '../components/plan-tasks-tab.tsx';
import { PlanTimelineTab } from '../components/plan-timeline-tab.tsx';

function PlanDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canRead = useCan('read:tasks');
  const query = usePlan(id);
  const issue = useIssuePlan(id);
  const [isAddingTask, setIsAddingTask] = useState(false);
  const back = (
    <Link to="/plans">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );

  if (query.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return <Result status="404" title="404" subTitle={t('plans.notFound')} extra={back} data-testid="plan-not-found" />;
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  const baseName = (planNumberSymbol(plan) || 'ke-hoach').replace(/[^\p{L}\p{N}._-]+/gu, '-');

  async function issuePlan() {
    try {
      await issue.mutateAsync();
      message.success(t('plans.issued'));
    } catch {
      // Shown below the header until the next try: a refusal (tasks without a lead agency) names what to fix.
    }
  }

  return (
    <>
      <PageHeader
        title={plan.title}
        testId="plan-detail-title"
        extra={
          <Space wrap>
            {back}
            {plan.allowedActions.includes('issue') && (
              <Popconfirm
                title={t('plans.issueConfirm')}
                onConfirm={() => void issuePlan()}
                okButtonProps={{ 'data-testid': 'plan-issue-confirm' }}
              >
                <Button type="primary" icon={<CheckCircleOutlined />} loading={issue.isPending} data-testid="plan-issue-button">
                  {t('plans.issue')}
                </Button>
              </Popconfirm>
            )}
            {plan.allowedActions.includes('update') && (
              <Button icon={<PlusOutlined />} onClick={() => setIsAddingTask(true)} data-testid="plan-add-task">
                {t('plans.addTask')}
              </Button>
            )}
            <PlanExportButtons planId={plan.id} baseName={baseName} />
          </Space>
        }
      />
      <ErrorAlert error={issue.error} testId="plan-issue-error" />
      <PlanSummaryCard plan={plan} />
      <PlanBasisCard plan={plan} />
      <PlanAttachmentsCard plan={plan} />
      <Card>
        <Tabs
          data-testid="plan-tabs"
          destroyOnHidden
          items={[
            ...(canRead
              ? [
                  {
                    key: 'tasks',
                    label: <span data-testid="plan-tab-tasks">{t('plans.tabTasks')}</span>,
                    children: <PlanTasksTab planId={plan.id} />,
                  },
                  {
                    key: 'timeline',
                    label: <span data-testid="plan-tab-timeline">{t('plans.tabTimeline')}</span>,
                    children: <PlanTimelineTab planId={plan.id} />,
                  },
                ]
              : []),
            {
              key: 'cascade',
              label: <span data-testid="plan-tab-cascade">{t('plans.tabCascade')}</span>,
              children: <PlanCascadeTab plan={plan} />,
            },
          ]}
        />
      </Card>
      {isAddingTask && <PlanTaskCreateModal plan={plan} onClose={() => setIsAddingTask(false)} />}
    </>
  );
}

export function PlanDetailPage() {
  const { id } = useParams({ from: '/app/plans/$id' });
  return (
    <PermissionGate permission="read:plans">
      <PlanDetailView id={id} />
    </PermissionGate>
  );
}

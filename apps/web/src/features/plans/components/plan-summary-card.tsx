import type { PlanDetail } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatValidity } from '../../../lib/format.ts';
import { PlanStatusTag, planNumberSymbol } from './plan-status-tag.tsx';

/** Who issued the plan, when, for which period, and how its tasks stand. */
export function PlanSummaryCard({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const period = formatValidity(plan.periodFrom, plan.periodTo, '…');
  const summary = plan.taskSummary;
  return (
    <Card data-testid="plan-summary" style={{ marginBottom: 16 }}>
      {plan.status === 'draft' && (
        <Alert type="warning" showIcon title={t('plans.draftNotice')} style={{ marginBottom: 16 }} data-testid="plan-draft-notice" />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={t('plans.numberSymbol')}>
          <span data-testid="plan-number-symbol">{planNumberSymbol(plan) || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.issuer')}>{plan.issuerAgencyName ?? plan.issuerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.issueDate')}>
          {[plan.place, formatDate(plan.issueDate)].filter(Boolean).join(', ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.period')}>
          <span data-testid="plan-period">
            {period || '—'}
            {plan.orientationTo ? ` (${t('plans.orientation', { date: formatDate(plan.orientationTo) })})` : ''}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.statusLabel')}>
          <PlanStatusTag status={plan.status} testId="plan-status" />
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.orgUnit')}>{plan.orgUnitName}</Descriptions.Item>
        {plan.parentPlan && (
          <Descriptions.Item label={t('plans.parentPlan')}>
            <Link to="/plans/$id" params={{ id: plan.parentPlan.id }}>
              {[planNumberSymbol(plan.parentPlan), plan.parentPlan.title].filter(Boolean).join(' — ')}
            </Link>
          </Descriptions.Item>
        )}
        {plan.signer && (plan.signer.name || plan.signer.title) && (
          <Descriptions.Item label={t('plans.signer')}>
            {[plan.signer.title, plan.signer.name].filter(Boolean).join(' — ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Row gutter={16} style={{ marginTop: 16 }} data-testid="plan-task-summary">
        <Col xs={12} md={6}>
          <Statistic title={t('plans.summary.total')} value={summary.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('tasks.status.accepted')} value={summary.byStatus.accepted ?? 0} styles={{ content: { color: '#16a34a' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('plans.summary.overdue')}
            value={summary.overdue}
            styles={{ content: { color: summary.overdue ? '#dc2626' : undefined } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('plans.summary.dueSoon')}
            value={summary.dueSoon}
            styles={{ content: { color: summary.dueSoon ? '#d97706' : undefined } }}
          />
        </Col>
      </Row>
    </Card>
  );
}

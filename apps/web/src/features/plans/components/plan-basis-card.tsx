import type { PlanDetail } from '@atmis/domain';
import { ScheduleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Col, Collapse, Row, Table, Typography, type CollapseProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatValidity } from '../../../lib/format.ts';
import { useCan } from '../../../app/auth/use-me.ts';
import { reportPaths } from '../../report-schedules/index.ts';
import { AppLinkButton } from '../../../components/app-link.tsx';
import { PlainList } from '../../../components/plain-list.tsx';
import { Link } from '@tanstack/react-router';

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** "Quyết định 193/QĐ-TTg ngày 09/02/2021 của …" from a stored legal reference. */
export function legalReferenceText(ref: Record<string, unknown>): string {
  const parts = [str(ref.kind), str(ref.number)].filter(Boolean).join(' ');
  const date = str(ref.date) ? ` ngày ${formatDate(str(ref.date))}` : '';
  const issuer = str(ref.issuer) ? ` của ${str(ref.issuer)}` : '';
  const title = str(ref.title) ? ` ${str(ref.title)}` : '';
  return `${parts}${date}${issuer}${title}`.trim();
}

/** Legal basis, numeric targets, phases, reporting regime, recipients and import warnings, as collapsible panels. */
export function PlanBasisCard({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const canScheduleReports = useCan('review:reports');
  const items: CollapseProps['items'] = [];
  if (plan.importWarnings.length > 0)
    items.push({
      key: 'warnings',
      label: (
        <Typography.Text type="warning" strong>
          <WarningOutlined /> {t('plans.importWarnings')} ({plan.importWarnings.length})
        </Typography.Text>
      ),
      children: (
        <Alert
          type="warning"
          data-testid="plan-import-warnings"
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {plan.importWarnings.map((warning, index) => (
                <li key={index}>{warning.message}</li>
              ))}
            </ul>
          }
        />
      ),
    });
  items.push(
    {
      key: 'basis',
      label: `${t('plans.legalBasis')} (${plan.legalBasis.length}) · ${t('plans.phases')} (${plan.phases.length})`,
      children: (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Typography.Title level={5}>{t('plans.legalBasis')}</Typography.Title>
            <PlainList
              testId="plan-legal-basis"
              items={plan.legalBasis}
              empty={t('plans.noLegalBasis')}
              render={(ref) =>
                typeof ref.linkedPlanId === 'string' ? (
                  // A reference to a plan held in the system opens that plan.
                  <Link to="/plans/$id" params={{ id: ref.linkedPlanId }} data-testid="plan-legal-basis-link">
                    {legalReferenceText(ref)}
                  </Link>
                ) : (
                  legalReferenceText(ref)
                )
              }
            />
          </Col>
          <Col xs={24} xl={10}>
            <Typography.Title level={5}>{t('plans.phases')}</Typography.Title>
            <PlainList
              testId="plan-phases"
              items={plan.phases}
              empty={t('plans.noPhases')}
              render={(phase) => (
                <>
                  <Typography.Text strong>{phase.label}</Typography.Text>
                  <Typography.Text type="secondary">{formatValidity(phase.from, phase.to, '…')}</Typography.Text>
                </>
              )}
            />
          </Col>
        </Row>
      ),
    },
    {
      key: 'targets',
      label: `${t('plans.targets')} (${plan.targets.length})`,
      children: (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="plan-targets"
          dataSource={plan.targets}
          locale={{ emptyText: t('plans.noTargets') }}
          columns={[
            { title: t('plans.section'), dataIndex: 'sectionPath', width: 80, render: (value: string | null) => value ?? '' },
            { title: t('plans.targets'), dataIndex: 'text' },
            {
              title: '',
              key: 'value',
              width: 120,
              align: 'right',
              render: (_, target) => (
                <Typography.Text strong>
                  {t(`plans.comparators.${target.comparator}`, { defaultValue: target.comparator })} {target.value}
                  {target.unit === '%' ? '%' : ` ${target.noun ?? ''}`}
                </Typography.Text>
              ),
            },
          ]}
        />
      ),
    },
    {
      key: 'reporting',
      label: `${t('plans.reporting')} (${plan.reporting.length})`,
      // Whoever reviews reports can turn the reporting regime into report schedules.
      extra: canScheduleReports && plan.reporting.length > 0 && (
        <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
          <AppLinkButton to={reportPaths.newSchedule(plan.id)} size="small" icon={<ScheduleOutlined />} testId="plan-schedule-reports">
            {t('reportSetup.planLink')}
          </AppLinkButton>
        </span>
      ),
      children: (
        <PlainList
          testId="plan-reporting"
          items={plan.reporting}
          empty={t('plans.noReporting')}
          render={(rule) => (
            <>
              <Typography.Text strong>
                {t(`plans.frequency.${str(rule.frequency) ?? 'once'}`, { defaultValue: str(rule.frequency) ?? '' })}
              </Typography.Text>
              <Typography.Text>
                {[str(rule.recipient), str(rule.dueText) ?? formatDate(str(rule.due))].filter(Boolean).join(' — ')}
              </Typography.Text>
            </>
          )}
        />
      ),
    },
  );
  if (plan.recipients.length > 0)
    items.push({
      key: 'recipients',
      label: `${t('plans.recipients')} (${plan.recipients.length})`,
      children: <PlainList testId="plan-recipients" items={plan.recipients} empty="" render={(recipient) => recipient} />,
    });
  return (
    <Collapse
      style={{ marginBottom: 16, background: '#fff' }}
      data-testid="plan-basis"
      defaultActiveKey={plan.targets.length > 0 ? ['basis', 'targets'] : ['basis']}
      items={items}
    />
  );
}

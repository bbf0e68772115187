import { describeDueRule, parsePeriodId, type ScheduleProposal } from '@atmis/domain';
import { Alert, Card, Empty, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { usePlan } from '../../plans/index.ts';
import { reportPaths } from '../api/report-paths.ts';
import { useScheduleProposals } from '../api/report-schedules-api.ts';
import { AppLink } from '../../../components/app-link.tsx';

/**
 * The schedules proposed from a plan's reporting regime (chế độ báo cáo), one per rule: choosing
 * one fills the form. Rules already turned into a schedule link to it and cannot be chosen again.
 */
export function ProposalPicker({
  planId,
  selectedIndex,
  onPick,
}: {
  planId: string;
  selectedIndex: number | null;
  onPick: (proposal: ScheduleProposal) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const plan = usePlan(planId);
  const proposals = useScheduleProposals(planId);
  const items = proposals.data ?? [];
  const planTitle = plan.data?.title;
  const periodLabel = (id: string) => {
    const parsed = parsePeriodId(id);
    return parsed.ok ? (language === 'en' ? parsed.period.labelEn : parsed.period.label) : id;
  };

  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="schedule-proposals"
      title={t('reportSetup.proposals.title')}
      extra={planTitle && <AppLink to={reportPaths.plan(planId)}>{planTitle}</AppLink>}
    >
      {proposals.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : proposals.error ? (
        <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} testId="schedule-proposals-error" />
      ) : items.length === 0 ? (
        <Empty description={t('reportSetup.proposals.empty')} data-testid="schedule-proposals-empty" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('reportSetup.proposals.hint')}</Typography.Paragraph>
          <Radio.Group
            value={selectedIndex}
            onChange={(event) => {
              const proposal = items.find((item) => item.index === event.target.value);
              if (proposal) onPick(proposal);
            }}
            style={{ width: '100%' }}
            aria-label={t('reportSetup.proposals.title')}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {items.map((proposal) => (
                <Radio
                  key={proposal.index}
                  value={proposal.index}
                  disabled={Boolean(proposal.existingScheduleId)}
                  data-testid={`schedule-proposal-${proposal.index}`}
                >
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{proposal.name}</Typography.Text>
                    <Typography.Text type="secondary" italic>
                      “{proposal.ruleText}”
                    </Typography.Text>
                    <Typography.Text>
                      {[
                        ...(proposal.periodType === 'ad_hoc'
                          ? [periodLabel(proposal.firstPeriodId)]
                          : [
                              t(`reportSetup.frequencyLabel.${proposal.periodType}`),
                              t('reportSetup.proposals.from', { period: periodLabel(proposal.firstPeriodId) }),
                            ]),
                        describeDueRule(proposal.dueRule, language),
                        t('reportSetup.proposals.reporters', { count: proposal.reporterAgencyIds.length }),
                      ].join(' · ')}
                    </Typography.Text>
                    {proposal.existingScheduleId && (
                      <span>
                        <Tag color="green">{t('reportSetup.proposals.exists')}</Tag>
                        <AppLink
                          to={reportPaths.schedule(proposal.existingScheduleId)}
                          testId={`schedule-proposal-${proposal.index}-existing`}
                        >
                          {t('reportSetup.proposals.openExisting')}
                        </AppLink>
                      </span>
                    )}
                  </Space>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {items.every((item) => item.existingScheduleId) && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('reportSetup.proposals.allExist')} />
          )}
        </>
      )}
    </Card>
  );
}

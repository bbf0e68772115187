import { ArrowLeftOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { parsePeriodId, type ReportScheduleDetail } from '@atmis/domain';
import { Link, useParams } from '@tanstack/react-router';
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { reportPaths } from '../api/report-paths.ts';
import { useSchedule, useUpdateSchedule } from '../api/report-schedules-api.ts';
import { AppLink, AppLinkButton } from '../../../components/app-link.tsx';
import { ScheduleActiveTag } from '../components/schedule-tags.tsx';
import { SubmissionMatrixView } from '../components/submission-matrix.tsx';

function usePeriodLabel() {
  const { i18n } = useTranslation();
  return (id: string | null, window: ReportScheduleDetail['window']) => {
    if (!id) return null;
    const parsed = parsePeriodId(id, window);
    return parsed.ok ? (i18n.language === 'en' ? parsed.period.labelEn : parsed.period.label) : id;
  };
}

/** The facts of a schedule: what is reported, by whom, to whom, how often and by when. */
function ScheduleFacts({ schedule }: { schedule: ReportScheduleDetail }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="schedule-facts">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'kind',
            label: t('reportSetup.schedules.periodType'),
            children:
              schedule.kind === 'ad_hoc' ? (
                <Tag color="purple">{t('reportSetup.kinds.ad_hoc')}</Tag>
              ) : (
                <span data-testid="schedule-period-type-value">{t(`reportSetup.frequencyLabel.${schedule.periodType}`)}</span>
              ),
          },
          {
            key: 'window',
            label: t('reportSetup.schedules.window'),
            children: schedule.kind === 'ad_hoc' ? '—' : t(`reportSetup.windows.${schedule.window}`),
          },
          {
            key: 'template',
            label: t('reportSetup.schedules.template'),
            children: (
              <AppLink to={reportPaths.template(schedule.templateId)}>
                {schedule.templateName} ({t('reportSetup.templates.versionN', { version: schedule.templateVersion })})
              </AppLink>
            ),
          },
          {
            key: 'first',
            label: schedule.kind === 'ad_hoc' ? t('reportSetup.schedules.adHocPeriod') : t('reportSetup.schedules.firstPeriod'),
            children: periodLabel(schedule.firstPeriodId, schedule.window),
          },
          ...(schedule.lastPeriodId
            ? [{ key: 'last', label: t('reportSetup.schedules.lastPeriod'), children: periodLabel(schedule.lastPeriodId, schedule.window) }]
            : []),
          {
            key: 'due',
            label: t('reportSetup.schedules.dueRule'),
            children: <span data-testid="schedule-due-rule-value">{schedule.dueRuleLabel}</span>,
          },
          { key: 'unit', label: t('reportSetup.schedules.orgUnit'), children: schedule.orgUnitName },
          { key: 'recipient', label: t('reportSetup.schedules.recipient'), children: schedule.recipientAgencyName },
          {
            key: 'status',
            label: t('common.status'),
            children: <ScheduleActiveTag active={schedule.active} testId="schedule-active" />,
          },
          ...(schedule.planId
            ? [
                {
                  key: 'plan',
                  label: t('reportSetup.schedules.plan'),
                  children: (
                    <Link to="/plans/$id" params={{ id: schedule.planId }} data-testid="schedule-plan-link">
                      {schedule.planTitle ?? t('common.details')}
                    </Link>
                  ),
                },
              ]
            : []),
          { key: 'created', label: t('reportSetup.templates.createdAt'), children: formatDateTime(schedule.createdAt) },
          {
            key: 'reporters',
            label: t('reportSetup.schedules.reportersN', { count: schedule.reporters.length }),
            span: 'filled',
            children: (
              <Typography.Paragraph
                style={{ margin: 0 }}
                ellipsis={{
                  rows: 2,
                  expandable: 'collapsible',
                  symbol: (expanded: boolean) => t(expanded ? 'reportSetup.schedules.less' : 'reportSetup.schedules.more'),
                }}
                data-testid="schedule-reporters-list"
              >
                {schedule.reporters.map((reporter) => reporter.agencyName).join('; ')}
              </Typography.Paragraph>
            ),
          },
          ...(schedule.instructions
            ? [
                {
                  key: 'instructions',
                  label: t('reportSetup.schedules.instructions'),
                  span: 'filled' as const,
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{schedule.instructions}</span>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function ScheduleDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const query = useSchedule(id);
  const update = useUpdateSchedule(id);
  const back = (
    <AppLinkButton to={reportPaths.schedules()} icon={<ArrowLeftOutlined />} testId="schedule-back">
      {t('common.back')}
    </AppLinkButton>
  );

  if (query.isLoading)
    return (
      <Card data-testid="schedule-loading">
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return <Result status="404" title="404" subTitle={t('reportSetup.schedules.notFound')} extra={back} data-testid="schedule-not-found" />;
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const schedule = query.data;
  const canManage = schedule.allowedActions.includes('manage');

  async function toggleActive() {
    try {
      await update.mutateAsync({ active: !schedule.active });
      message.success(t(schedule.active ? 'reportSetup.schedules.deactivated' : 'reportSetup.schedules.activated'));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <PageHeader
        title={schedule.name}
        testId="schedule-detail-title"
        extra={
          <Space wrap>
            {back}
            {canManage && (
              <Popconfirm
                title={t(schedule.active ? 'reportSetup.schedules.deactivateConfirm' : 'reportSetup.schedules.activateConfirm')}
                onConfirm={() => void toggleActive()}
                okButtonProps={{ 'data-testid': 'schedule-toggle-active-confirm' } as Record<string, string>}
              >
                <Button
                  icon={schedule.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                  loading={update.isPending}
                  data-testid="schedule-toggle-active"
                >
                  {t(schedule.active ? 'reportSetup.schedules.deactivate' : 'reportSetup.schedules.activate')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <ScheduleFacts schedule={schedule} />
      <Card title={t('reportSetup.matrix.title')}>
        <SubmissionMatrixView schedule={schedule} />
      </Card>
    </>
  );
}

/** A schedule: its facts and the submission matrix (units × periods) with reminders and consolidation. */
export function ReportScheduleDetailPage() {
  const { t } = useTranslation();
  const params = useParams({ strict: false }) as { id?: string };
  const canRead = useCan('read:reports');
  const canReview = useCan('review:reports');
  if (!canRead && !canReview) return <Result status="403" title="403" subTitle={t('common.notAllowed')} data-testid="page-forbidden" />;
  if (!params.id)
    return <Result status="404" title="404" subTitle={t('reportSetup.schedules.notFound')} data-testid="schedule-not-found" />;
  return <ScheduleDetail id={params.id} />;
}

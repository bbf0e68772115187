import { statisticsWindowProblem, type PeriodWindow } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Empty, Form, Radio, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useMe } from '../../../app/auth/use-me.ts';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { checkPeriodId, convertPeriodId, currentPeriodId, PeriodPicker, periodPartsOf } from '../../../components/period-picker.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useVictimStatistics } from '../api/victims-api.ts';
import { StatisticsTables } from '../components/statistics-tables.tsx';

/**
 * "Thống kê nạn nhân": received and identified persons by sex and age band, by form of exploitation,
 * destination, way of return and support, for a unit and a period (a reporting period's data window,
 * or a date range of whole months). Small counts, and the cells that would give them back, come back
 * hidden at every level and say so.
 */
function VictimStatisticsView() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe();
  const { workingUnit, options } = useWorkingUnit();
  const [orgUnitId, setOrgUnitId] = useState<string>(workingUnit?.orgUnitId ?? me.user.orgUnitId);
  const [window, setWindow] = useState<PeriodWindow>('decree09');
  const [periodId, setPeriodId] = useState<string>(() => currentPeriodId('year', 'decree09'));
  const check = periodId ? checkPeriodId(periodId, window, language) : null;
  // Only whole reporting months are published (the domain's rule, which the server applies too).
  const windowProblem = check?.ok ? statisticsWindowProblem(check.period) : null;
  const query = check?.ok && !windowProblem ? { orgUnitId, start: check.period.start, end: check.period.end } : null;
  const statistics = useVictimStatistics(query);
  const knownUnits = [
    ...options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName })),
    { value: me.user.orgUnitId, label: me.user.orgUnitName },
  ];

  function changeWindow(next: PeriodWindow) {
    setWindow(next);
    const parts = periodPartsOf(periodId);
    // The same kind of period under the other cut-off (a date range stays as it is).
    if (parts && parts.type !== 'ad_hoc') setPeriodId(convertPeriodId(periodId, parts.type, next) ?? periodId);
  }

  return (
    <>
      <PageHeader
        title={t('victims.statistics.title')}
        testId="victim-statistics-title"
        extra={
          <Link to="/victims">
            <Button icon={<ArrowLeftOutlined />} data-testid="statistics-back">
              {t('victims.reception.backToList')}
            </Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" data-testid="stats-form">
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Form.Item label={t('victims.statistics.unit')}>
                <OrgUnitSelect
                  value={orgUnitId}
                  onChange={(next) => next && setOrgUnitId(next)}
                  knownOptions={knownUnits}
                  testId="stats-unit"
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={16}>
              <Form.Item label={t('victims.statistics.period')}>
                <PeriodPicker value={periodId} onChange={setPeriodId} window={window} allowAdHoc testId="stats-period" />
              </Form.Item>
              <Radio.Group value={window} onChange={(event) => changeWindow(event.target.value as PeriodWindow)} data-testid="stats-window">
                <Radio value="decree09" data-testid="stats-window-decree09">
                  {t('reportSetup.windows.decree09')}
                </Radio>
                <Radio value="calendar" data-testid="stats-window-calendar">
                  {t('reportSetup.windows.calendar')}
                </Radio>
              </Radio.Group>
            </Col>
          </Row>
        </Form>
      </Card>
      <ErrorAlert error={statistics.error} onRetry={() => void statistics.refetch()} testId="stats-error" />
      {windowProblem ? (
        <Alert type="warning" showIcon data-testid="stats-window-problem" title={windowProblem} />
      ) : !query ? (
        <Empty description={t('victims.statistics.choosePeriod')} />
      ) : statistics.isLoading ? (
        <Skeleton active />
      ) : statistics.data ? (
        <>
          <Typography.Paragraph data-testid="stats-summary">
            <Typography.Text strong>{statistics.data.orgUnitName}</Typography.Text>
            {' — '}
            {t('victims.statistics.window', { from: formatDate(statistics.data.window.start), to: formatDate(statistics.data.window.end) })}
          </Typography.Paragraph>
          {statistics.data.suppressed && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="stats-suppressed"
              title={t('victims.statistics.suppressedNotice', { threshold: statistics.data.threshold })}
            />
          )}
          <div style={{ opacity: statistics.isFetching ? 0.6 : 1 }}>
            <StatisticsTables statistics={statistics.data} />
          </div>
        </>
      ) : null}
    </>
  );
}

export function VictimStatisticsPage() {
  return (
    <PermissionGate permission="read:victims">
      <VictimStatisticsView />
    </PermissionGate>
  );
}

import { BellOutlined, FileDoneOutlined, LeftOutlined, MergeCellsOutlined, RightOutlined } from '@ant-design/icons';
import {
  consolidationStanding,
  parsePeriodId,
  periodContaining,
  type PeriodWindow,
  type ReportScheduleView,
  type SubmissionMatrix,
} from '@atmis/domain';
import { addDays, vietnamToday } from '@atmis/domain/plans/task-timing';
import { App, Button, Checkbox, Empty, Modal, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { formatDate } from '../../../lib/format.ts';
import { reportPaths } from '../api/report-paths.ts';
import { useConsolidate, useRemind, useSubmissionMatrix, type MatrixCell } from '../api/report-schedules-api.ts';
import { AppLink } from '../../../components/app-link.tsx';
import { OverdueTag, ReportStatusTag, SubmissionStateTag } from './schedule-tags.tsx';

type MatrixRow = SubmissionMatrix['rows'][number];
type MatrixPeriod = SubmissionMatrix['periods'][number];
type Rates = SubmissionMatrix['rates'][string];

export interface MatrixRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The period `steps` periods before (negative) or after a period, by the domain's windows. */
export function shiftPeriodId(id: string, steps: number, window: PeriodWindow): string | null {
  let current = parsePeriodId(id, window);
  if (!current.ok || current.period.type === 'ad_hoc') return null;
  const type = current.period.type;
  for (let step = 0; step < Math.abs(steps); step += 1) {
    const date: string = steps < 0 ? addDays(current.period.start, -1) : addDays(current.period.end, 1);
    current = { ok: true, period: periodContaining(date, type, window) };
  }
  return current.period.id;
}

/** Whether period `a` starts before period `b` (same type and window). */
function startsBefore(a: string, b: string, window: PeriodWindow): boolean {
  const first = parsePeriodId(a, window);
  const second = parsePeriodId(b, window);
  return first.ok && second.ok && first.period.start < second.period.start;
}

/**
 * The range shown after moving one page earlier or later: as many periods as shown now, never
 * before the schedule's first period, never after the current period (or the schedule's last).
 */
export function movedRange(
  schedule: Pick<ReportScheduleView, 'firstPeriodId' | 'lastPeriodId' | 'periodType' | 'window'>,
  periods: readonly { id: string }[],
  direction: -1 | 1,
  today: string,
): MatrixRange | null {
  const first = periods[0]?.id;
  const last = periods.at(-1)?.id;
  if (!first || !last || schedule.periodType === 'ad_hoc') return null;
  const count = periods.length;
  const { window } = schedule;
  if (direction < 0) {
    if (!startsBefore(schedule.firstPeriodId, first, window)) return null;
    const to = shiftPeriodId(first, -1, window);
    let from = shiftPeriodId(first, -count, window);
    if (!to || !from) return null;
    if (startsBefore(from, schedule.firstPeriodId, window)) from = schedule.firstPeriodId;
    return { from, to };
  }
  const current = periodContaining(today, schedule.periodType, window).id;
  const limit = schedule.lastPeriodId && startsBefore(schedule.lastPeriodId, current, window) ? schedule.lastPeriodId : current;
  if (!startsBefore(last, limit, window)) return null;
  const from = shiftPeriodId(last, 1, window);
  let to = shiftPeriodId(last, count, window);
  if (!from || !to) return null;
  if (startsBefore(limit, to, window)) to = limit;
  return { from, to };
}

/** "Đã nộp 2/3 (66,7%) · Đúng hạn 1/3 (33,3%)": the server's rates (percent, one decimal). */
export function ratesText(
  rates: Rates | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
): string {
  if (!rates) return '—';
  const percent = (value: number | null) =>
    value === null ? '—' : `${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(value)}%`;
  return t('reportSetup.matrix.rates', {
    submitted: rates.submitted,
    onTime: rates.onTime,
    expected: rates.expected,
    submittedRate: percent(rates.submittedRate),
    onTimeRate: percent(rates.onTimeRate),
  });
}

/** States that still await the unit (reminders apply). */
const AWAITING = new Set<MatrixCell['state']>(['missing', 'draft', 'returned']);

function Cell({ row, cell, period }: { row: MatrixRow; cell: MatrixCell | undefined; period: MatrixPeriod }) {
  const { t, i18n } = useTranslation();
  const testId = `matrix-cell-${row.agencyId}-${period.id}`;
  if (!cell)
    return (
      <span data-testid={testId} data-state="none">
        —
      </span>
    );
  const tag = <SubmissionStateTag state={cell.state} />;
  const label = t('reportSetup.matrix.cellLabel', {
    agency: row.agencyName,
    period: i18n.language === 'en' ? period.labelEn : period.label,
    state: t(`reportSetup.states.${cell.state}`),
  });
  return (
    <div
      data-testid={testId}
      data-state={cell.state}
      data-overdue={cell.overdue ? 'true' : 'false'}
      data-late={cell.late ? 'true' : 'false'}
    >
      <div>
        {cell.instanceId ? (
          <AppLink to={reportPaths.report(cell.instanceId)} title={label} testId={`${testId}-link`}>
            {tag}
          </AppLink>
        ) : (
          <span title={label}>{tag}</span>
        )}
        {cell.overdue && <OverdueTag testId={`${testId}-overdue`} />}
        {cell.late && cell.state !== 'late' && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('reportSetup.matrix.lateMark')}
          </Typography.Text>
        )}
      </div>
      {cell.dueDate && (
        <Typography.Text type={cell.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('reportSetup.matrix.due', { date: formatDate(cell.dueDate) })}
        </Typography.Text>
      )}
      {cell.firstSubmittedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t('reportSetup.matrix.submittedOn', { date: formatDate(cell.firstSubmittedAt) })}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * Which units' reports of the period the consolidation sums and which it leaves out, each with its
 * reason (the domain's `consolidationStanding`), so that nothing is left out silently.
 */
function ConsolidationStandings({ period, rows }: { period: MatrixPeriod; rows: MatrixRow[] }) {
  const { t } = useTranslation();
  const standings = rows.map((row) => ({
    row,
    standing: consolidationStanding(row.cells.find((cell) => cell.periodId === period.id)?.status ?? null),
  }));
  const included = standings.filter((entry) => entry.standing === 'included');
  const leftOut = standings.filter((entry) => entry.standing !== 'included');
  const list = (entries: typeof standings, testId: string) => (
    <ul data-testid={testId} style={{ margin: '4px 0 12px', paddingInlineStart: 20 }}>
      {entries.map(({ row, standing }) => (
        <li key={row.agencyId} data-standing={standing}>
          {row.agencyName} — {t(`reportSetup.matrix.standingReasons.${standing}`)}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <Typography.Text strong>{t('reportSetup.matrix.standingIncluded', { count: included.length })}</Typography.Text>
      {list(included, 'consolidate-included')}
      {leftOut.length > 0 && (
        <>
          <Typography.Text strong type="warning">
            {t('reportSetup.matrix.standingLeftOut', { count: leftOut.length })}
          </Typography.Text>
          {list(leftOut, 'consolidate-left-out')}
        </>
      )}
    </>
  );
}

/** "Tổng hợp": sums the units' reports of a period into the consolidated report, then opens it. */
function ConsolidateModal({
  scheduleId,
  period,
  rows,
  rates,
  hasConsolidated,
  onClose,
}: {
  scheduleId: string;
  period: MatrixPeriod;
  rows: MatrixRow[];
  rates: Rates | undefined;
  hasConsolidated: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const consolidate = useConsolidate(scheduleId);
  const [regatherNarratives, setRegather] = useState(false);

  async function run() {
    try {
      const report = await consolidate.mutateAsync({ periodId: period.id, regatherNarratives });
      message.success(t('reportSetup.matrix.consolidated'));
      onClose();
      await navigate({ to: reportPaths.report(report.id) });
    } catch {
      // shown in the dialog
    }
  }

  return (
    <Modal
      open
      title={t('reportSetup.matrix.consolidateTitle', { period: i18n.language === 'en' ? period.labelEn : period.label })}
      onCancel={onClose}
      onOk={() => void run()}
      okText={t('reportSetup.matrix.consolidate')}
      cancelText={t('common.cancel')}
      confirmLoading={consolidate.isPending}
      okButtonProps={{ 'data-testid': 'consolidate-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <ErrorAlert error={consolidate.error} />
      <Typography.Paragraph>{t('reportSetup.matrix.consolidateHelp')}</Typography.Paragraph>
      <Typography.Paragraph strong>{ratesText(rates, t, i18n.language)}</Typography.Paragraph>
      <ConsolidationStandings period={period} rows={rows} />
      {hasConsolidated && (
        <Checkbox checked={regatherNarratives} onChange={(event) => setRegather(event.target.checked)} data-testid="consolidate-regather">
          {t('reportSetup.matrix.regather')}
        </Checkbox>
      )}
    </Modal>
  );
}

/**
 * The submission matrix of a schedule: reporting units × periods, a coloured state per cell (with
 * due date, overdue marker and a link to the report), the rates of each period, and for those
 * who manage the schedule: remind the units that have not submitted, consolidate, open the
 * consolidated report. Earlier/later move the range by as many periods as are shown.
 */
export function SubmissionMatrixView({ schedule }: { schedule: ReportScheduleView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [range, setRange] = useState<MatrixRange>({});
  const matrix = useSubmissionMatrix(schedule.id, range);
  const remind = useRemind(schedule.id);
  const [consolidating, setConsolidating] = useState<MatrixPeriod | null>(null);
  const canManage = schedule.allowedActions.includes('manage');
  const today = vietnamToday(new Date());
  const data = matrix.data;

  async function sendReminders(periodId: string) {
    try {
      const result = await remind.mutateAsync(periodId);
      if (result.notified === 0) void message.info(t('reportSetup.matrix.remindedNone'));
      else void message.success(t('reportSetup.matrix.reminded', { count: result.notified, units: result.units.join(', ') }));
    } catch (error) {
      notifyError(error);
    }
  }

  if (matrix.isLoading)
    return (
      <div data-testid="matrix-loading">
        <Skeleton active paragraph={{ rows: 5 }} />
      </div>
    );
  if (!data) return <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} testId="matrix-error" />;

  const earlier = movedRange(schedule, data.periods, -1, today);
  const later = movedRange(schedule, data.periods, 1, today);
  const firstLabel = (() => {
    const parsed = parsePeriodId(schedule.firstPeriodId, schedule.window);
    return parsed.ok ? (i18n.language === 'en' ? parsed.period.labelEn : parsed.period.label) : schedule.firstPeriodId;
  })();

  const columns: ColumnsType<MatrixRow> = [
    {
      title: t('reportSetup.matrix.unit'),
      key: 'unit',
      fixed: 'left',
      width: 240,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{row.agencyName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.orgUnitName}
          </Typography.Text>
        </Space>
      ),
    },
    ...data.periods.map((period) => ({
      key: period.id,
      width: 200,
      // On the header cell: antd repeats a column's title in a hidden measuring row.
      onHeaderCell: () => ({ 'data-testid': `matrix-period-${period.id}` }) as React.HTMLAttributes<HTMLElement>,
      title: (
        <div>
          <div>{i18n.language === 'en' ? period.labelEn : period.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('reportSetup.period.window', { from: formatDate(period.start), to: formatDate(period.end) })}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('reportSetup.matrix.due', { date: formatDate(period.dueDate) })}
          </Typography.Text>
        </div>
      ),
      render: (_: unknown, row: MatrixRow) => (
        <Cell row={row} period={period} cell={row.cells.find((cell) => cell.periodId === period.id)} />
      ),
    })),
  ];

  return (
    <div data-testid="matrix">
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Button icon={<LeftOutlined />} disabled={!earlier} onClick={() => earlier && setRange(earlier)} data-testid="matrix-earlier">
            {t('reportSetup.matrix.earlier')}
          </Button>
          <Button disabled={!range.from && !range.to} onClick={() => setRange({})} data-testid="matrix-current">
            {t('reportSetup.matrix.current')}
          </Button>
          <Button disabled={!later} onClick={() => later && setRange(later)} data-testid="matrix-later">
            {t('reportSetup.matrix.later')} <RightOutlined />
          </Button>
        </Space>
        {matrix.isFetching && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
      </Space>
      <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} testId="matrix-error" />
      {data.periods.length === 0 ? (
        <Empty description={t('reportSetup.matrix.noPeriods', { period: firstLabel })} data-testid="matrix-empty" />
      ) : (
        <Table<MatrixRow>
          data-testid="matrix-table"
          rowKey="agencyId"
          size="small"
          bordered
          pagination={false}
          loading={matrix.isFetching && matrix.isPlaceholderData}
          dataSource={data.rows}
          columns={columns}
          scroll={{ x: 240 + 200 * data.periods.length }}
          locale={{ emptyText: <Empty description={t('reportSetup.matrix.noUnits')} data-testid="matrix-no-units" /> }}
          onRow={(row) => ({ 'data-testid': `matrix-row-${row.agencyId}` }) as React.HTMLAttributes<HTMLElement>}
          summary={() => (
            <Table.Summary>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('reportSetup.matrix.ratesRow')}</Typography.Text>
                </Table.Summary.Cell>
                {data.periods.map((period, index) => (
                  <Table.Summary.Cell key={period.id} index={index + 1}>
                    <Typography.Text data-testid={`matrix-rates-${period.id}`}>
                      {ratesText(data.rates[period.id], t, i18n.language)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('reportSetup.matrix.consolidatedRow')}</Typography.Text>
                </Table.Summary.Cell>
                {data.periods.map((period, index) => {
                  const consolidated = data.consolidated[period.id] ?? null;
                  const awaiting = data.rows.some((row) => {
                    const cell = row.cells.find((candidate) => candidate.periodId === period.id);
                    return !cell || AWAITING.has(cell.state);
                  });
                  return (
                    <Table.Summary.Cell key={period.id} index={index + 1}>
                      <Space orientation="vertical" size={4}>
                        {consolidated ? (
                          <Space size={4} wrap>
                            <AppLink to={reportPaths.report(consolidated.instanceId)} testId={`consolidated-${period.id}`}>
                              <FileDoneOutlined /> {t('reportSetup.matrix.openConsolidated')}
                            </AppLink>
                            <ReportStatusTag status={consolidated.status} testId={`consolidated-status-${period.id}`} />
                          </Space>
                        ) : (
                          <Typography.Text type="secondary">{t('reportSetup.matrix.noConsolidated')}</Typography.Text>
                        )}
                        {canManage && (
                          <Space size={4} wrap>
                            <Popconfirm
                              title={t('reportSetup.matrix.remindConfirm', {
                                period: i18n.language === 'en' ? period.labelEn : period.label,
                              })}
                              onConfirm={() => void sendReminders(period.id)}
                              disabled={!awaiting}
                              okButtonProps={{ 'data-testid': `remind-${period.id}-confirm` } as Record<string, string>}
                            >
                              <Button
                                size="small"
                                icon={<BellOutlined />}
                                disabled={!awaiting}
                                loading={remind.isPending && remind.variables === period.id}
                                data-testid={`remind-${period.id}`}
                              >
                                {t('reportSetup.matrix.remind')}
                              </Button>
                            </Popconfirm>
                            <Button
                              size="small"
                              type="primary"
                              icon={<MergeCellsOutlined />}
                              onClick={() => setConsolidating(period)}
                              data-testid={`consolidate-${period.id}`}
                            >
                              {t('reportSetup.matrix.consolidate')}
                            </Button>
                          </Space>
                        )}
                      </Space>
                    </Table.Summary.Cell>
                  );
                })}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('reportSetup.matrix.legend')}
      </Typography.Paragraph>
      {consolidating && (
        <ConsolidateModal
          scheduleId={schedule.id}
          period={consolidating}
          rows={data.rows}
          rates={data.rates[consolidating.id]}
          hasConsolidated={Boolean(data.consolidated[consolidating.id])}
          onClose={() => setConsolidating(null)}
        />
      )}
    </div>
  );
}

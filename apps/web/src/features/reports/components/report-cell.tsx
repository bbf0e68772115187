import type { ReportDetail } from '@atmis/domain';
import { Input, Popover, Tooltip, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { fieldTestId } from './report-labels.ts';

export type Contribution = NonNullable<ReportDetail['consolidation']>['contributions'][string][number];

export interface CellMessage {
  severity: 'error' | 'warning';
  message: string;
}

const AMBER = '#faad14';
const CONFLICT = '#722ed1';

/** Who contributed what to a consolidated cell (the drill-down). */
function Contributions({ label, items }: { label: string; items: Contribution[] }) {
  const { t, i18n } = useTranslation();
  const total = items.reduce((sum, item) => sum + item.value, 0);
  return (
    <div data-testid="cell-contributions" style={{ maxWidth: 380 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </Typography.Text>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('reportWork.contributions.none')}</Typography.Text>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <tbody>
            {items.map((item) => (
              <tr key={item.unitId} data-testid={`cell-contribution-${item.unitId}`}>
                <td style={{ padding: '2px 12px 2px 0' }}>{item.unitName}</td>
                <td style={{ padding: '2px 0', textAlign: 'right' }}>{formatNumber(item.value, i18n.language)}</td>
              </tr>
            ))}
            <tr style={{ borderTop: '1px solid #f0f0f0' }}>
              <td style={{ padding: '2px 12px 2px 0', fontWeight: 600 }}>{t('reportWork.contributions.total')}</td>
              <td style={{ padding: '2px 0', textAlign: 'right', fontWeight: 600 }}>{formatNumber(total, i18n.language)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

export interface ReportCellProps {
  path: string;
  raw: string;
  label: string;
  isEditable: boolean;
  messages: CellMessage[] | undefined;
  /** The figure the records give, when the table is prefilled. */
  fromRecords: number | null | undefined;
  /** The entered value differs from the records' figure. */
  differs: boolean;
  /** Another person saved a different value for this cell (after a reload that kept the user's input). */
  theirs: string | undefined;
  contributions: Contribution[] | undefined;
  onChange: (path: string, value: string) => void;
}

/**
 * One cell of a report table: a text input (inputMode numeric, right-aligned) that keeps exactly what
 * is typed; its red or amber border and tooltip come from the domain's checks.
 */
export const ReportCell = memo(function ReportCell({
  path,
  raw,
  label,
  isEditable,
  messages,
  fromRecords,
  differs,
  theirs,
  contributions,
  onChange,
}: ReportCellProps) {
  const { t, i18n } = useTranslation();
  const testId = fieldTestId(path);
  const hasError = messages?.some((item) => item.severity === 'error') ?? false;
  const hasWarning = !hasError && (messages?.length ?? 0) > 0;
  const hints: ReactNode[] = (messages ?? []).map((item, index) => <div key={`m${index}`}>{item.message}</div>);
  if (differs && fromRecords !== undefined && fromRecords !== null)
    hints.push(<div key="d">{t('reportWork.prefill.differs', { value: formatNumber(fromRecords, i18n.language) })}</div>);
  if (theirs !== undefined)
    hints.push(<div key="c">{t('reportWork.conflicts.marker', { value: theirs === '' ? t('reportWork.emptyValue') : theirs })}</div>);

  const numeric = /^\d+$/.test(raw.trim()) ? formatNumber(Number(raw.trim()), i18n.language) : raw;
  let cell: ReactNode = isEditable ? (
    <Input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={50}
      value={raw}
      onChange={(event) => onChange(path, event.target.value)}
      status={hasError ? 'error' : hasWarning ? 'warning' : undefined}
      aria-label={label}
      aria-invalid={hasError || undefined}
      data-testid={testId}
      data-path={path}
      style={{
        width: 92,
        textAlign: 'right',
        // The theme's primary colour is red too: an error also tints the cell, so it differs from a focused one.
        background: hasError ? '#fff1f0' : undefined,
        boxShadow: theirs !== undefined ? `0 0 0 2px ${CONFLICT}` : undefined,
      }}
    />
  ) : (
    <span
      data-testid={testId}
      data-path={path}
      aria-label={label}
      tabIndex={contributions ? 0 : undefined}
      style={{
        display: 'inline-block',
        minWidth: 60,
        textAlign: 'right',
        color: hasError ? '#cf1322' : undefined,
        cursor: contributions ? 'pointer' : undefined,
        textDecoration: contributions ? 'underline dotted' : undefined,
      }}
    >
      {raw.trim() === '' ? '—' : numeric}
    </span>
  );
  // Always wrapped (an empty title shows nothing): adding a wrapper while typing would remount the input and drop focus.
  cell = <Tooltip title={hints.length > 0 ? hints : undefined}>{cell}</Tooltip>;
  if (contributions)
    cell = (
      <Popover trigger="click" placement="bottom" content={<Contributions label={label} items={contributions} />}>
        {cell}
      </Popover>
    );

  return (
    <td
      style={{ padding: 4, position: 'relative', textAlign: 'right', verticalAlign: 'top', borderBottom: '1px solid #f0f0f0' }}
      data-has-error={hasError || undefined}
      data-has-warning={hasWarning || undefined}
    >
      {cell}
      {differs && (
        <span
          data-testid={`report-diff-${testId.slice('report-cell-'.length)}`}
          aria-hidden
          style={{ position: 'absolute', top: 4, right: 4, width: 8, height: 8, borderRadius: 4, background: AMBER }}
        />
      )}
      {fromRecords !== undefined && fromRecords !== null && (
        <Tooltip
          trigger={['hover', 'focus']}
          title={t('reportWork.prefill.cellTitle', { value: formatNumber(fromRecords, i18n.language) })}
        >
          <div
            tabIndex={0}
            style={{
              fontSize: 11,
              lineHeight: '14px',
              color: differs ? '#ad6800' : '#8c8c8c',
              textAlign: 'right',
              marginTop: 2,
              cursor: 'help',
            }}
            data-testid={`report-prefill-${testId.slice('report-cell-'.length)}`}
          >
            {t('reportWork.prefill.cellHint', { value: formatNumber(fromRecords, i18n.language) })}
          </div>
        </Tooltip>
      )}
    </td>
  );
});

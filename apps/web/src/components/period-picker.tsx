import {
  parsePeriodId,
  PERIOD_ID_ERRORS,
  periodContaining,
  PERIOD_TYPES,
  type PeriodType,
  type PeriodWindow,
  type ReportingPeriod,
} from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/task-timing';
import { DatePicker, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate } from '../lib/format.ts';

export type RegularPeriodType = Exclude<PeriodType, 'ad_hoc'>;

/** A period id taken apart: its type, year and ordinal (half 1–2, quarter 1–4, month 1–12), or an ad hoc range. */
export type PeriodParts =
  | { type: RegularPeriodType; year: number; ordinal: number }
  | { type: 'ad_hoc'; start: string; end: string; year: number; ordinal: number };

export const PERIOD_ORDINALS: Record<RegularPeriodType, number> = { year: 1, half: 2, quarter: 4, month: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The id of a regular period (2026, 2026S1, 2026Q1, 2026-03) or of an ad hoc range (2026-07-01..2026-09-30). */
export function periodIdOf(parts: PeriodParts): string {
  switch (parts.type) {
    case 'year':
      return `${parts.year}`;
    case 'half':
      return `${parts.year}S${parts.ordinal}`;
    case 'quarter':
      return `${parts.year}Q${parts.ordinal}`;
    case 'month':
      return `${parts.year}-${String(parts.ordinal).padStart(2, '0')}`;
    case 'ad_hoc':
      return `${parts.start}..${parts.end}`;
  }
}

/** The parts of a valid period id (the domain's parsePeriodId decides validity), else null. */
export function periodPartsOf(id: string | null | undefined): PeriodParts | null {
  if (!id) return null;
  const parsed = parsePeriodId(id);
  if (!parsed.ok) return null;
  const { period } = parsed;
  if (period.type === 'ad_hoc')
    return { type: 'ad_hoc', start: period.start, end: period.end, year: Number(period.end.slice(0, 4)), ordinal: 1 };
  const year = Number(id.slice(0, 4));
  // 2026S1, 2026Q1, 2026-03: the ordinal follows the year and its one-character marker.
  const ordinal = period.type === 'year' ? 1 : Number(id.slice(5));
  return { type: period.type, year, ordinal };
}

/** The period of a type whose data window contains `today` (the report being written now). */
export function currentPeriodId(type: RegularPeriodType, window: PeriodWindow, today: string = vietnamToday(new Date())): string {
  return periodContaining(today, type, window).id;
}

/**
 * The period of another type that starts where `id` starts (2026Q2 → 2026-04 as a month, 2026 as a
 * year), so that changing the type keeps the user near the period they had chosen.
 */
export function convertPeriodId(id: string, type: RegularPeriodType, window: PeriodWindow): string | null {
  const parsed = parsePeriodId(id, window);
  if (!parsed.ok) return null;
  if (parsed.period.type === type) return id;
  return periodContaining(parsed.period.start, type, window).id;
}

/** The same type and ordinal in another year (ordinal kept within the type's range). */
export function withYear(parts: PeriodParts, year: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (parts.type === 'ad_hoc') return null;
  return periodIdOf({ ...parts, year, ordinal: Math.min(Math.max(parts.ordinal, 1), PERIOD_ORDINALS[parts.type]) });
}

export type PeriodCheck = { ok: true; period: ReportingPeriod } | { ok: false; message: string };

/** A period id checked with the domain, with the domain's message in the current language when invalid. */
export function checkPeriodId(id: string, window: PeriodWindow, language: 'vi' | 'en'): PeriodCheck {
  const parsed = parsePeriodId(id, window);
  return parsed.ok ? parsed : { ok: false, message: PERIOD_ID_ERRORS[parsed.reason][language] };
}

export interface PeriodPickerProps {
  value?: string | undefined;
  onChange?: (id: string) => void;
  /**
   * Restricts the choice to one type of period (the schedule's). When it changes, the owner moves
   * the value (convertPeriodId); a value of another type is shown with the domain's label only.
   */
  periodType?: PeriodType | undefined;
  /** The data window shown under the choice: Decree 09/2019 cut-off (default) or calendar months. */
  window?: PeriodWindow | undefined;
  /** Offers "đột xuất" (a date range) among the types. */
  allowAdHoc?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Set by antd's Form.Item: the first control takes it, so the label focuses it. */
  id?: string | undefined;
  testId?: string | undefined;
}

/**
 * A reporting period: its type (năm, 6 tháng, quý, tháng, đột xuất), year and sub-period, or a date
 * range for an ad hoc request; shows the resolved label and the data window computed by the
 * domain (the same parsePeriodId that serves GET /periods/{id}). A Form.Item control of the id.
 */
export function PeriodPicker({
  value,
  onChange,
  periodType,
  window = 'decree09',
  allowAdHoc = false,
  disabled = false,
  id,
  testId = 'period-picker',
}: PeriodPickerProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const parts = periodPartsOf(value);
  const [chosenType, setChosenType] = useState<PeriodType | undefined>(periodType ?? parts?.type);
  const type: PeriodType | undefined = periodType ?? parts?.type ?? chosenType;
  const types = PERIOD_TYPES.filter((candidate) => candidate !== 'ad_hoc' || allowAdHoc || periodType === 'ad_hoc');

  function emit(next: string | null) {
    if (next !== null && next !== value) onChange?.(next);
  }

  function changeType(next: PeriodType) {
    setChosenType(next);
    if (next === 'ad_hoc') {
      if (parts?.type !== 'ad_hoc' && value) onChange?.('');
      return;
    }
    emit(value && parts ? convertPeriodId(value, next, window) : currentPeriodId(next, window));
  }

  function changeYear(year: number | null) {
    if (year === null || !type || type === 'ad_hoc') return;
    const base: PeriodParts = parts && parts.type === type ? parts : { type, year, ordinal: 1 };
    emit(withYear(base, year));
  }

  function changeOrdinal(ordinal: number) {
    if (!type || type === 'ad_hoc') return;
    const year = parts && parts.type !== 'ad_hoc' ? parts.year : Number(vietnamToday(new Date()).slice(0, 4));
    emit(periodIdOf({ type, year, ordinal }));
  }

  function changeRange(range: [Dayjs | null, Dayjs | null] | null) {
    const [start, end] = range ?? [null, null];
    if (!start || !end) {
      if (value) onChange?.('');
      return;
    }
    emit(periodIdOf({ type: 'ad_hoc', start: start.format('YYYY-MM-DD'), end: end.format('YYYY-MM-DD'), year: end.year(), ordinal: 1 }));
  }

  const check = value ? checkPeriodId(value, window, language) : null;
  const regularParts = parts && parts.type !== 'ad_hoc' && parts.type === type ? parts : null;
  const ordinalOptions =
    type === 'half'
      ? [1, 2].map((n) => ({ value: n, label: t(`reportSetup.period.half${n}`) }))
      : type === 'quarter'
        ? [1, 2, 3, 4].map((n) => ({ value: n, label: t('reportSetup.period.quarterN', { roman: ROMAN[n - 1] }) }))
        : type === 'month'
          ? Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: t('reportSetup.period.monthN', { month: index + 1 }) }))
          : [];
  const firstControlId = (control: 'type' | 'year' | 'range') =>
    (!periodType && control === 'type') ||
    (periodType && periodType !== 'ad_hoc' && control === 'year') ||
    (periodType === 'ad_hoc' && control === 'range')
      ? id
      : undefined;

  return (
    <div data-testid={testId} role="group" aria-label={t('reportSetup.period.group')} data-value={value ?? ''}>
      <Space wrap size={8}>
        {!periodType && (
          <Select<PeriodType>
            id={firstControlId('type')}
            value={type}
            onChange={changeType}
            disabled={disabled}
            placeholder={t('reportSetup.period.typePlaceholder')}
            aria-label={t('reportSetup.period.type')}
            data-testid={`${testId}-type`}
            style={{ width: 140 }}
            options={types.map((candidate) => ({ value: candidate, label: t(`reportSetup.periodTypes.${candidate}`) }))}
          />
        )}
        {type && type !== 'ad_hoc' && (
          <InputNumber<number>
            id={firstControlId('year')}
            value={regularParts?.year ?? null}
            onChange={changeYear}
            min={MIN_YEAR}
            max={MAX_YEAR}
            precision={0}
            disabled={disabled}
            placeholder={t('reportSetup.period.year')}
            aria-label={t('reportSetup.period.year')}
            data-testid={`${testId}-year`}
            style={{ width: 100 }}
          />
        )}
        {ordinalOptions.length > 0 && (
          <Select<number>
            value={regularParts?.ordinal}
            onChange={changeOrdinal}
            disabled={disabled}
            placeholder={t(`reportSetup.periodTypes.${type}`)}
            aria-label={t(`reportSetup.periodTypes.${type}`)}
            data-testid={`${testId}-part`}
            style={{ width: type === 'half' ? 180 : 130 }}
            options={ordinalOptions}
          />
        )}
        {type === 'ad_hoc' && (
          // The test id sits on a wrapper: antd copies data-* attributes onto both inputs of a range.
          <span data-testid={`${testId}-range`}>
            <DatePicker.RangePicker
              id={firstControlId('range')}
              value={parts?.type === 'ad_hoc' ? [dayjs(parts.start, 'YYYY-MM-DD'), dayjs(parts.end, 'YYYY-MM-DD')] : null}
              onChange={(range) => changeRange(range as [Dayjs | null, Dayjs | null] | null)}
              format={DATE_FORMAT}
              disabled={disabled}
              placeholder={[t('reportSetup.period.from'), t('reportSetup.period.to')]}
            />
          </span>
        )}
      </Space>
      {check && (
        <div style={{ marginTop: 4 }} aria-live="polite">
          {check.ok ? (
            <>
              <Typography.Text strong data-testid={`${testId}-label`}>
                {language === 'en' ? check.period.labelEn : check.period.label}
              </Typography.Text>
              <br />
              <Typography.Text
                type="secondary"
                data-testid={`${testId}-window`}
                data-start={check.period.start}
                data-end={check.period.end}
              >
                {t('reportSetup.period.window', { from: formatDate(check.period.start), to: formatDate(check.period.end) })}
                {check.period.type !== 'ad_hoc' && ` (${t(`reportSetup.windows.${window}Short`)})`}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="danger" data-testid={`${testId}-error`}>
              {check.message}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

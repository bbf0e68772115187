import { DEFAULT_DUE_RULE, describeDueRule, dueDateFor, DUE_RULE_KINDS, type DueRule, type ReportingPeriod } from '@atmis/domain';
import { DatePicker, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, formatDate } from '../../../lib/format.ts';

export type DueRuleKind = (typeof DUE_RULE_KINDS)[number];
const MAX_DAYS = 60;
/** The days of the default rule (3 working days), used when leaving a fixed date. */
const DEFAULT_DAYS = 'days' in DEFAULT_DUE_RULE ? DEFAULT_DUE_RULE.days : 0;

/** The rule's problem in words, or null when the domain's dueRuleSchema would accept it. */
export function dueRuleProblem(
  rule: Partial<DueRule> | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  if (!rule?.kind) return t('reportSetup.dueRule.required');
  if (rule.kind === 'fixed') return 'date' in rule && rule.date ? null : t('reportSetup.dueRule.dateRequired');
  const days = 'days' in rule ? rule.days : undefined;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_DAYS
    ? null
    : t('reportSetup.dueRule.daysRange', { max: MAX_DAYS });
}

/**
 * The deadline rule of a schedule: N working days after the data window closes (default 3), N
 * days after, or a fixed date (the only choice for an ad hoc request). Shows the rule in words
 * (the domain's describeDueRule) and, for `period`, the due date it gives (dueDateFor).
 */
export function DueRuleInput({
  value,
  onChange,
  period,
  onlyFixed = false,
  id,
  testId = 'schedule-due-rule',
}: {
  value?: DueRule | undefined;
  onChange?: (rule: DueRule) => void;
  period?: ReportingPeriod | null;
  onlyFixed?: boolean;
  id?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const rule = value ?? DEFAULT_DUE_RULE;
  const kinds: DueRuleKind[] = onlyFixed ? ['fixed'] : [...DUE_RULE_KINDS];
  const isComplete = dueRuleProblem(rule, t) === null;

  function changeKind(kind: DueRuleKind) {
    if (kind === 'fixed') onChange?.({ kind, date: rule.kind === 'fixed' ? rule.date : period ? dueDateFor(rule, period) : '' });
    else onChange?.({ kind, days: rule.kind === 'fixed' ? DEFAULT_DAYS : rule.days });
  }

  return (
    <div data-testid={testId}>
      <Space wrap>
        <Select<DueRuleKind>
          id={id}
          value={rule.kind}
          onChange={changeKind}
          disabled={onlyFixed}
          options={kinds.map((kind) => ({ value: kind, label: t(`reportSetup.dueRule.kinds.${kind}`) }))}
          aria-label={t('reportSetup.dueRule.kind')}
          data-testid={`${testId}-kind`}
          style={{ width: 300 }}
          popupMatchSelectWidth={false}
        />
        {rule.kind === 'fixed' ? (
          <DatePicker
            value={rule.date ? dayjs(rule.date, 'YYYY-MM-DD') : null}
            onChange={(date) => onChange?.({ kind: 'fixed', date: date ? date.format('YYYY-MM-DD') : '' })}
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            aria-label={t('reportSetup.dueRule.date')}
            data-testid={`${testId}-date`}
          />
        ) : (
          <InputNumber<number>
            value={rule.days}
            onChange={(days) => onChange?.({ kind: rule.kind, days: days ?? 0 })}
            min={0}
            max={MAX_DAYS}
            precision={0}
            aria-label={t('reportSetup.dueRule.days')}
            suffix={t(rule.kind === 'working_days_after_window' ? 'reportSetup.dueRule.workingDaysUnit' : 'reportSetup.dueRule.daysUnit')}
            data-testid={`${testId}-days`}
            style={{ width: 160 }}
          />
        )}
      </Space>
      {isComplete && (
        <div style={{ marginTop: 4 }} aria-live="polite">
          <Typography.Text type="secondary" data-testid={`${testId}-text`}>
            {describeDueRule(rule, language)}
            {period && rule.kind !== 'fixed' && (
              <>
                {' · '}
                <span data-testid={`${testId}-first-due`}>
                  {t('reportSetup.dueRule.firstDue', { date: formatDate(dueDateFor(rule, period)) })}
                </span>
              </>
            )}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

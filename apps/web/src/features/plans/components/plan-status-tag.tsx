import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../api/plans-api.ts';

const COLORS: Record<PlanStatus, string> = { draft: 'gold', issued: 'green', superseded: 'default' };

export function PlanStatusTag({ status, testId }: { status: PlanStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {t(`plans.status.${status}`)}
    </Tag>
  );
}

/** "45/KH-UBND": number and symbol as an official document writes them. */
export function planNumberSymbol(plan: { number: string | null; symbol: string | null }): string {
  if (plan.number && plan.symbol) return `${plan.number}/${plan.symbol}`;
  return plan.symbol ?? plan.number ?? '';
}

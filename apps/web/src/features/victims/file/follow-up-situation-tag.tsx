import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The situation found at a follow-up visit (the contract's list; the domain has no labels for it). */
export const FOLLOW_UP_SITUATIONS = ['stable', 'needs_support', 'at_risk', 'unreachable'] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

const COLORS: Record<FollowUpSituation, string> = { stable: 'green', needs_support: 'gold', at_risk: 'red', unreachable: 'default' };

export function FollowUpSituationTag({ situation, testId }: { situation: FollowUpSituation; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[situation]} data-testid={testId} data-situation={situation}>
      {t(`victimCare.followUp.situations.${situation}`)}
    </Tag>
  );
}

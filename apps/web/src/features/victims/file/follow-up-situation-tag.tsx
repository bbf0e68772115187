import { FOLLOW_UP_SITUATION_LABELS, type FollowUpSituation } from '@atmis/domain';
import { Tag } from 'antd';
import { pickLabel } from '../../../lib/i18n/index.ts';

/** The situation found at a follow-up visit. */

const COLORS: Record<FollowUpSituation, string> = { stable: 'green', needs_support: 'gold', at_risk: 'red', unreachable: 'default' };

export function FollowUpSituationTag({ situation, testId }: { situation: FollowUpSituation; testId?: string }) {
  return (
    <Tag color={COLORS[situation]} data-testid={testId} data-situation={situation}>
      {pickLabel(FOLLOW_UP_SITUATION_LABELS[situation])}
    </Tag>
  );
}

import { describe, expect, it } from 'vitest';
import { canMoveSupport, nextSupportStatuses, SUPPORT_STATUSES, supportNeedsStartDate } from './support.ts';

describe('support record moves', () => {
  it('moves a support only forward; a cancelled one is final, a completed one keeps its status', () => {
    expect(nextSupportStatuses('planned')).toEqual(['planned', 'in_progress', 'completed', 'cancelled']);
    expect(nextSupportStatuses('in_progress')).toEqual(['in_progress', 'completed', 'cancelled']);
    expect(nextSupportStatuses('completed')).toEqual(['completed']);
    expect(nextSupportStatuses('cancelled')).toEqual([]);
    for (const from of SUPPORT_STATUSES) expect(canMoveSupport(from, 'planned')).toBe(from === 'planned');
  });

  it('asks for the start date once the support has started', () => {
    expect(SUPPORT_STATUSES.filter(supportNeedsStartDate)).toEqual(['in_progress', 'completed']);
  });
});

import { describe, expect, it } from 'vitest';
import { foreignPersons, nextRepatriationStatuses } from './repatriation-rules.ts';

describe('repatriation rules', () => {
  it('offers only foreign persons', () => {
    expect(foreignPersons([{ citizenship: 'VN' }, { citizenship: 'KH' }, { citizenship: 'CN' }])).toEqual([
      { citizenship: 'KH' },
      { citizenship: 'CN' },
    ]);
  });

  it('moves forward only', () => {
    expect(nextRepatriationStatuses('planned')).toEqual(['planned', 'mission_contacted', 'handed_over', 'cancelled']);
    expect(nextRepatriationStatuses('mission_contacted')).toEqual(['mission_contacted', 'handed_over', 'cancelled']);
    expect(nextRepatriationStatuses('handed_over')).toEqual(['handed_over']);
    expect(nextRepatriationStatuses('cancelled')).toEqual([]);
  });
});

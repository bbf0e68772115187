import { describe, expect, it } from 'vitest';
import { isNextVisitOverdue, type VisitFacts } from './follow-up-rules.ts';

const today = '2026-06-15';

describe('next follow-up visit', () => {
  it('is overdue once its day has passed with no visit since', () => {
    const visit: VisitFacts = { personId: 'a', visitedOn: '2026-05-01', nextVisitOn: '2026-06-01' };
    expect(isNextVisitOverdue(visit, [visit], today)).toBe(true);
    expect(isNextVisitOverdue({ ...visit, nextVisitOn: '2026-06-15' }, [visit], today)).toBe(false);
    expect(isNextVisitOverdue({ ...visit, nextVisitOn: null }, [visit], today)).toBe(false);
  });

  it('is done by a later visit of the same person or of the whole family', () => {
    const visit: VisitFacts = { personId: 'a', visitedOn: '2026-05-01', nextVisitOn: '2026-06-01' };
    expect(isNextVisitOverdue(visit, [visit, { personId: 'a', visitedOn: '2026-06-03', nextVisitOn: null }], today)).toBe(false);
    expect(isNextVisitOverdue(visit, [visit, { personId: null, visitedOn: '2026-06-01', nextVisitOn: null }], today)).toBe(false);
    expect(isNextVisitOverdue(visit, [visit, { personId: 'b', visitedOn: '2026-06-03', nextVisitOn: null }], today)).toBe(true);
    expect(isNextVisitOverdue(visit, [visit, { personId: 'a', visitedOn: '2026-05-20', nextVisitOn: null }], today)).toBe(true);
    const family: VisitFacts = { personId: null, visitedOn: '2026-05-01', nextVisitOn: '2026-06-01' };
    expect(isNextVisitOverdue(family, [family, { personId: 'b', visitedOn: '2026-06-02', nextVisitOn: null }], today)).toBe(false);
  });
});

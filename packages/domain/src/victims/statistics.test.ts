import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLOITATION_FORMS, PERSON_ROLES, RECEPTION_WAYS, SEXES, SUPPORT_TYPES } from './codes.ts';
import { AGE_BANDS } from './person.ts';
import { publishVictimStatistics, victimStatistics, type StatRecord } from './statistics.ts';

const Q1 = { start: '2026-01-01', end: '2026-03-31' };

function record(fields: Partial<StatRecord> & Pick<StatRecord, 'receivedOn' | 'role' | 'sex' | 'ageBandOnReception'>): StatRecord {
  return { exploitationForms: [], destinationCountry: null, wayOfReturn: 'other', identifiedOn: null, supports: [], ...fields };
}
const support = (type: StatRecord['supports'][number]['type'], startedOn: string) => ({ type, startedOn });

/** Fifteen people; the expected counts below are worked out by hand from this list. */
const FIXTURE: StatRecord[] = [
  // 1. Woman rescued from China, identified in January.
  record({
    receivedOn: '2026-01-05',
    role: 'victim',
    sex: 'female',
    ageBandOnReception: '18_plus',
    exploitationForms: ['sexual_exploitation'],
    destinationCountry: 'CN',
    wayOfReturn: 'rescued',
    identifiedOn: '2026-01-20',
    supports: [support('essential_needs', '2026-01-05'), support('medical', '2026-01-06')],
  }),
  // 2. Girl under 16 handed over by China, two forms of exploitation.
  record({
    receivedOn: '2026-01-10',
    role: 'victim',
    sex: 'female',
    ageBandOnReception: 'under_16',
    exploitationForms: ['sexual_exploitation', 'forced_marriage'],
    destinationCountry: 'CN',
    wayOfReturn: 'handed_over_by_foreign_authority',
    identifiedOn: '2026-02-01',
    supports: [support('essential_needs', '2026-01-10'), support('psychological', '2026-01-15'), support('schooling', '2026-02-20')],
  }),
  // 3. Man back from a Cambodian scam compound through the embassy.
  record({
    receivedOn: '2026-02-03',
    role: 'victim',
    sex: 'male',
    ageBandOnReception: '18_plus',
    exploitationForms: ['forced_labour', 'forced_criminality'],
    destinationCountry: 'KH',
    wayOfReturn: 'via_mission',
    identifiedOn: '2026-02-20',
    supports: [support('travel', '2026-02-03'), support('initial_hardship', '2026-03-01')],
  }),
  // 4. Boy of 17 who came back on his own, still being identified.
  record({
    receivedOn: '2026-02-14',
    role: 'under_identification',
    sex: 'male',
    ageBandOnReception: '16_17',
    exploitationForms: ['forced_criminality'],
    destinationCountry: 'KH',
    wayOfReturn: 'self_returned',
    supports: [support('essential_needs', '2026-02-14')],
  }),
  // 5. Woman received, found not to be a victim: still received.
  record({ receivedOn: '2026-03-01', role: 'not_victim', sex: 'female', ageBandOnReception: '18_plus', wayOfReturn: 'self_returned' }),
  // 6. Girl of 16 received on the last day of the window, identified after it; support after it.
  record({
    receivedOn: '2026-03-31',
    role: 'victim',
    sex: 'female',
    ageBandOnReception: '16_17',
    exploitationForms: ['forced_marriage'],
    destinationCountry: 'CN',
    wayOfReturn: 'reported_by_family',
    identifiedOn: '2026-04-02',
    supports: [support('legal_aid', '2026-04-01')],
  }),
  // 7. Received in December, identified in January, supported in the window.
  record({
    receivedOn: '2025-12-20',
    role: 'victim',
    sex: 'female',
    ageBandOnReception: '18_plus',
    exploitationForms: ['sexual_exploitation'],
    destinationCountry: 'MY',
    wayOfReturn: 'rescued',
    identifiedOn: '2026-01-08',
    supports: [support('vocational_training', '2026-01-15'), support('loan', '2026-03-10')],
  }),
  // 8. Received and identified last year; a loan this quarter.
  record({
    receivedOn: '2025-11-01',
    role: 'victim',
    sex: 'male',
    ageBandOnReception: '18_plus',
    exploitationForms: ['forced_labour'],
    destinationCountry: 'LA',
    wayOfReturn: 'rescued',
    identifiedOn: '2025-11-20',
    supports: [support('loan', '2026-02-01')],
  }),
  // 9. Child who came back with victim 2: not a received victim, but supported.
  record({
    receivedOn: '2026-01-20',
    role: 'accompanying_child',
    sex: 'female',
    ageBandOnReception: 'under_16',
    destinationCountry: 'CN',
    wayOfReturn: 'handed_over_by_foreign_authority',
    supports: [support('essential_needs', '2026-01-20'), support('schooling', '2026-02-01')],
  }),
  // 10. A relative: never counted.
  record({ receivedOn: '2026-01-20', role: 'relative', sex: 'male', ageBandOnReception: '18_plus' }),
  // 11. Sex and age unknown; two medical supports count once.
  record({
    receivedOn: '2026-02-28',
    role: 'victim',
    sex: 'unknown',
    ageBandOnReception: 'unknown',
    exploitationForms: ['organ_removal'],
    destinationCountry: 'CN',
    wayOfReturn: 'rescued',
    identifiedOn: '2026-03-15',
    supports: [support('medical', '2026-02-28'), support('medical', '2026-03-05'), support('health_insurance', '2026-03-05')],
  }),
  // 12. Girl being identified, sold for adoption, destination unknown.
  record({
    receivedOn: '2026-03-15',
    role: 'under_identification',
    sex: 'female',
    ageBandOnReception: 'under_16',
    exploitationForms: ['child_sale_adoption'],
    wayOfReturn: 'reported_by_family',
    supports: [support('essential_needs', '2026-03-15')],
  }),
  // 13. After the window: nothing counts.
  record({
    receivedOn: '2026-04-01',
    role: 'victim',
    sex: 'female',
    ageBandOnReception: '18_plus',
    exploitationForms: ['surrogacy'],
    destinationCountry: 'CN',
    wayOfReturn: 'rescued',
    identifiedOn: '2026-04-05',
    supports: [support('essential_needs', '2026-04-01')],
  }),
  // 14. Boy received on the first day and identified on the last day of the window.
  record({
    receivedOn: '2026-01-01',
    role: 'victim',
    sex: 'male',
    ageBandOnReception: 'under_16',
    exploitationForms: ['sexual_exploitation'],
    destinationCountry: 'TH',
    wayOfReturn: 'via_mission',
    identifiedOn: '2026-03-31',
    supports: [support('essential_needs', '2026-01-01'), support('travel', '2026-01-02')],
  }),
  // 15. Sex "other"; a form listed twice and an unknown code.
  record({
    receivedOn: '2026-02-10',
    role: 'victim',
    sex: 'other',
    ageBandOnReception: '18_plus',
    exploitationForms: ['forced_labour', 'forced_labour', 'unknown_form'],
    destinationCountry: 'MY',
    wayOfReturn: 'other',
    identifiedOn: '2026-02-25',
  }),
];

describe('victimStatistics on a hand-counted fixture (Q1 2026)', () => {
  const stats = victimStatistics(FIXTURE, Q1);

  it('counts persons received in the window (1–6, 11, 12, 14, 15), by sex and age band', () => {
    expect(stats.received).toEqual({ total: 10, female: 5, male: 3, age_under_16: 3, age_16_17: 2, age_18_plus: 4, age_unknown: 1 });
  });
  it('counts persons identified in the window (1, 2, 3, 7, 11, 14, 15), whenever received', () => {
    expect(stats.identified).toEqual({ total: 7, female: 3, male: 2, age_under_16: 2, age_16_17: 0, age_18_plus: 4, age_unknown: 1 });
  });
  it('breaks received persons down by form of exploitation, each form once per person, children apart', () => {
    expect(stats.byExploitation).toEqual({
      sexual_exploitation: { total: 3, female: 2, male: 1, children: 2 },
      forced_labour: { total: 2, female: 0, male: 1, children: 0 },
      forced_marriage: { total: 2, female: 2, male: 0, children: 2 },
      organ_removal: { total: 1, female: 0, male: 0, children: 0 },
      child_sale_adoption: { total: 1, female: 1, male: 0, children: 1 },
      surrogacy: { total: 0, female: 0, male: 0, children: 0 },
      forced_criminality: { total: 2, female: 0, male: 2, children: 1 },
      forced_begging: { total: 0, female: 0, male: 0, children: 0 },
      other: { total: 0, female: 0, male: 0, children: 0 },
    });
  });
  it('breaks received persons down by destination country, unknown last', () => {
    expect(stats.byDestination).toEqual({ CN: 4, KH: 2, MY: 1, TH: 1, unknown: 2 });
    expect(Object.keys(stats.byDestination)).toEqual(['CN', 'KH', 'MY', 'TH', 'unknown']);
  });
  it('breaks received persons down by way of return', () => {
    expect(stats.byReturn).toEqual({
      self_returned: 2,
      rescued: 2,
      handed_over_by_foreign_authority: 1,
      via_mission: 2,
      reported_by_family: 2,
      other: 1,
    });
  });
  it('counts persons supported in the window by type, each person once per type', () => {
    expect(stats.supported).toEqual({
      essential_needs: 6,
      travel: 2,
      medical: 2,
      health_insurance: 1,
      psychological: 1,
      legal_aid: 0,
      schooling: 2,
      vocational_training: 1,
      initial_hardship: 1,
      loan: 2,
    });
    expect(stats.supportedPersons).toBe(10);
  });
  it('keeps the window it was computed for', () => {
    expect(stats.window).toEqual(Q1);
  });
  it('a one-day window counts that day only', () => {
    const day = victimStatistics(FIXTURE, { start: '2026-03-31', end: '2026-03-31' });
    expect(day.received.total).toBe(1); // no. 6
    expect(day.identified.total).toBe(1); // no. 14
  });
  it('refuses a window that ends before it starts', () => {
    expect(() => victimStatistics(FIXTURE, { start: '2026-04-01', end: '2026-03-31' })).toThrow(RangeError);
  });
});

const day = fc
  .integer({ min: 0, max: 120 })
  .map((n) => new Date(Date.UTC(2026, 0, 1) - 10 * 86_400_000 + n * 86_400_000).toISOString().slice(0, 10));
const arbitraryRecord: fc.Arbitrary<StatRecord> = fc.record({
  receivedOn: day,
  role: fc.constantFrom(...PERSON_ROLES),
  sex: fc.constantFrom(...SEXES),
  ageBandOnReception: fc.constantFrom(...AGE_BANDS),
  exploitationForms: fc.array(fc.constantFrom(...EXPLOITATION_FORMS, 'bogus'), { maxLength: 4 }),
  destinationCountry: fc.constantFrom(null, 'CN', 'KH', 'LA'),
  wayOfReturn: fc.constantFrom(...RECEPTION_WAYS),
  identifiedOn: fc.option(day, { nil: null }),
  supports: fc.array(fc.record({ type: fc.constantFrom(...SUPPORT_TYPES), startedOn: day }), { maxLength: 4 }),
});

describe('victimStatistics invariants', () => {
  it('property: breakdowns add up — sexes within the total, age bands and ways of return and destinations equal to it', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 40 }), (records) => {
        const stats = victimStatistics(records, Q1);
        for (const row of [stats.received, stats.identified]) {
          expect(row.female + row.male).toBeLessThanOrEqual(row.total);
          expect(row.age_under_16 + row.age_16_17 + row.age_18_plus + row.age_unknown).toBe(row.total);
        }
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(Object.values(stats.byReturn))).toBe(stats.received.total);
        expect(sum(Object.values(stats.byDestination))).toBe(stats.received.total);
        for (const cell of Object.values(stats.byExploitation)) {
          expect(cell.total).toBeLessThanOrEqual(stats.received.total);
          expect(cell.female + cell.male).toBeLessThanOrEqual(cell.total);
          expect(cell.children).toBeLessThanOrEqual(cell.total);
        }
        for (const count of Object.values(stats.supported)) expect(count).toBeLessThanOrEqual(stats.supportedPersons);
        expect(stats.supportedPersons).toBeLessThanOrEqual(records.length);
      }),
    );
  });
  it('property: the order of the records does not matter', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 20 }), (records) => {
        expect(victimStatistics([...records].reverse(), Q1)).toEqual(victimStatistics(records, Q1));
      }),
    );
  });
});

describe('publishVictimStatistics', () => {
  const flatten = (value: unknown, prefix = ''): [string, number | null][] =>
    value === null || typeof value === 'number'
      ? [[prefix, value]]
      : Object.entries(value as object).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));

  it('hides every count from 1 to 4 by default and keeps 0; the window is kept; the table it is given is unchanged', () => {
    const stats = victimStatistics(FIXTURE, Q1);
    const before = structuredClone(stats);
    const { window, ...published } = publishVictimStatistics(stats);
    expect(stats).toEqual(before);
    expect(window).toEqual(Q1);
    const { window: _window, ...counts } = stats;
    const exact = new Map(flatten(counts));
    for (const [key, value] of flatten(published)) {
      const count = exact.get(key)!;
      if (count >= 1 && count < 5) expect(value, key).toBeNull();
      if (count === 0) expect(value, key).toBe(0);
      if (value !== null) expect(value, key).toBe(count);
    }
  });
  it('with a threshold of 1 hides nothing', () => {
    const stats = victimStatistics(FIXTURE, Q1);
    expect(publishVictimStatistics(stats, 1)).toEqual(stats);
  });
});

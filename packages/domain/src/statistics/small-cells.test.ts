import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishVictimStatistics, victimStatistics, type StatRecord } from '../victims/statistics.ts';
import { lastDayOfMonth, statisticsWindowProblem, suppressCounts, type AdditiveGroup } from './small-cells.ts';

const person = (fields: Partial<StatRecord>): StatRecord => ({
  receivedOn: '2026-03-10',
  role: 'victim',
  sex: 'female',
  ageBandOnReception: '18_plus',
  exploitationForms: [],
  destinationCountry: 'CN',
  wayOfReturn: 'rescued',
  identifiedOn: null,
  supports: [],
  ...fields,
});

/** Whether some hidden cell of a group follows from its total and its shown parts. */
function derivable(exact: Record<string, number>, shown: Record<string, number | null>, groups: readonly AdditiveGroup[]): string[] {
  const found: string[] = [];
  for (const group of groups) {
    if (shown[group.total] === null) continue;
    const hiddenParts = group.parts.filter((key) => shown[key] === null);
    const remainder = group.complete ? 0 : exact[group.total]! - group.parts.reduce((sum, key) => sum + exact[key]!, 0);
    if (hiddenParts.length === 1 && (group.complete || remainder === 0)) found.push(hiddenParts[0]!);
    if (hiddenParts.length === 0 && remainder >= 1 && remainder < 5) found.push(`${group.total} − parts`);
  }
  return found;
}

describe('the small-cell rule', () => {
  it('hides a second cell beside a lone small one, so the total minus the shown cells gives nothing back', () => {
    const exact = { total: 12, a: 9, b: 2, c: 1 };
    const groups = [{ total: 'total', parts: ['a', 'b', 'c'], complete: true }];
    expect(suppressCounts(exact, groups)).toEqual({ total: 12, a: 9, b: null, c: null });
    const lone = { total: 12, a: 9, b: 3, c: 0 };
    // b alone is small: the smallest other positive part (a) goes too; 0 stays (a known zero).
    expect(suppressCounts(lone, groups)).toEqual({ total: 12, a: null, b: null, c: 0 });
  });

  it('counts the part a total holds but does not show (sex other/unknown) as a cell of its own', () => {
    // 7 received: 6 women, 0 men, 1 of unknown sex. Shown 7 and 6 would give the 1 away.
    const exact = { total: 7, female: 6, male: 0 };
    expect(suppressCounts(exact, [{ total: 'total', parts: ['female', 'male'], complete: false }])).toEqual({
      total: 7,
      female: null,
      male: 0,
    });
  });

  it('a hidden total opens the groups it belongs to (repeated to a fixed point)', () => {
    const exact = { all: 20, north: 16, south: 4, south_f: 4, south_m: 0 };
    const groups = [
      { total: 'all', parts: ['north', 'south'], complete: true },
      { total: 'south', parts: ['south_f', 'south_m'], complete: true },
    ];
    const shown = suppressCounts(exact, groups);
    expect(shown.south).toBeNull();
    expect(shown.north).toBeNull();
    expect(derivable(exact, shown, groups)).toEqual([]);
  });

  it('no hidden victim count can be derived from any published table (property)', () => {
    const arbitraryPerson = fc.record({
      sex: fc.constantFrom('female', 'male', 'unknown' as const),
      ageBandOnReception: fc.constantFrom('under_16', '16_17', '18_plus', 'unknown' as const),
      destinationCountry: fc.constantFrom('CN', 'KH', 'LA', null),
      wayOfReturn: fc.constantFrom('rescued', 'self_return', 'other' as const),
      exploitationForms: fc.subarray(['sexual_exploitation', 'forced_labour', 'forced_marriage']),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPerson, { maxLength: 40 }), (people) => {
        const statistics = victimStatistics(
          people.map((p) => person(p as Partial<StatRecord>)),
          { start: '2026-03-01', end: '2026-03-31' },
        );
        const published = publishVictimStatistics(statistics);
        // received: female + male + rest = total, ages sum to total; destinations and ways of return too.
        const r = statistics.received;
        const shown = published.received;
        const exact = { ...r } as unknown as Record<string, number>;
        const flat = { ...shown } as unknown as Record<string, number | null>;
        const groups: AdditiveGroup[] = [
          { total: 'total', parts: ['female', 'male'], complete: false },
          { total: 'total', parts: ['age_under_16', 'age_16_17', 'age_18_plus', 'age_unknown'], complete: true },
        ];
        expect(derivable(exact, flat, groups)).toEqual([]);
        const destinations = { total: r.total, ...statistics.byDestination };
        const destinationsShown = { total: shown.total, ...published.byDestination };
        expect(
          derivable(destinations, destinationsShown, [{ total: 'total', parts: Object.keys(statistics.byDestination), complete: true }]),
        ).toEqual([]);
        // Every small count is hidden.
        for (const [key, value] of Object.entries(shown))
          if (r[key as keyof typeof r] >= 1 && r[key as keyof typeof r] < 5) expect(value).toBeNull();
      }),
    );
  });
});

describe('published windows', () => {
  it('are whole reporting months (calendar or Decree 09): two windows a day apart cannot isolate one person', () => {
    expect(statisticsWindowProblem({ start: '2026-01-01', end: '2026-03-31' })).toBeNull();
    expect(statisticsWindowProblem({ start: '2026-02-01', end: '2026-02-28' })).toBeNull();
    expect(statisticsWindowProblem({ start: '2025-12-15', end: '2026-03-14' })).toBeNull();
    expect(statisticsWindowProblem({ start: '2026-03-10', end: '2026-03-10' })).toContain('bắt đầu ngày 01');
    expect(statisticsWindowProblem({ start: '2026-03-01', end: '2026-03-30' })).toContain('kết thúc ngày cuối tháng');
    expect(statisticsWindowProblem({ start: '2026-04-01', end: '2026-03-31' })).toContain('sau ngày kết thúc');
    expect(lastDayOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12-01')).toBe('2026-12-31');
  });
});

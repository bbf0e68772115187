import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidatedContent, consolidateTables, consolidationStanding, gatherNarratives, type UnitReport } from './consolidation.ts';
import { DEFAULT_TEMPLATE_DEFINITION as def } from './default-template.ts';
import { parseReportInput, validateReport, type ReportInput } from './report-validation.ts';
import { emptyReportContent, reportContentSchema } from './template-schema.ts';

function unit(unitId: string, unitName: string, input: ReportInput): UnitReport {
  const result = parseReportInput(def, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { unitId, unitName, content: result.content };
}

const health = unit('so-yte', 'Sở Y tế', {
  narratives: { victim_protection: 'Khám, chữa bệnh cho 3 nạn nhân.', direction: '  ' },
  tables: { victims_supported: { medical: { persons: 3 }, psychological: { persons: 0 } } },
});
const communeA = unit('xa-a', 'UBND xã A', {
  narratives: {
    victim_protection: 'Tiếp nhận 2 nạn nhân trở về.\n\nĐã hỗ trợ nhu cầu thiết yếu.',
    communication: 'Tổ chức 4 buổi tuyên truyền.',
  },
  tables: {
    victims_received: { received: { total: 2, female: 2, male: 0 } },
    victims_supported: { essential_needs: { persons: 2 }, medical: { persons: 1 } },
    communication: { sessions: { total: 4 } },
  },
});
const communeB = unit('xa-b', 'UBND xã B', {
  tables: { victims_received: { received: { total: 1, female: 0, male: 1 } }, communication: { sessions: { total: 0 } } },
});

describe('consolidated tables', () => {
  const { tables, contributions } = consolidateTables(def, [health, communeA, communeB]);

  it('sums what the units entered, cell by cell', () => {
    expect(tables.victims_received!.received).toMatchObject({ total: 3, female: 2, male: 1 });
    expect(tables.victims_supported!.medical!.persons).toBe(4);
    expect(tables.victims_supported!.essential_needs!.persons).toBe(2);
    expect(tables.communication!.sessions!.total).toBe(4);
  });

  it('leaves a cell empty when no unit entered it, but keeps an entered 0', () => {
    expect(tables.victims_received!.identified!.total).toBeNull();
    expect(tables.tipoffs!.received!.total).toBeNull();
    expect(tables.victims_supported!.psychological!.persons).toBe(0);
  });

  it('has every cell of the template', () => {
    const empty = emptyReportContent(def).tables;
    for (const [tableKey, rows] of Object.entries(empty)) {
      for (const [rowKey, cells] of Object.entries(rows)) expect(Object.keys(tables[tableKey]![rowKey]!)).toEqual(Object.keys(cells));
    }
  });

  it('says which unit contributed what, including zeros, and nothing for cells no one entered', () => {
    expect(contributions['tables.victims_supported.medical.persons']).toEqual([
      { unitId: 'so-yte', unitName: 'Sở Y tế', value: 3 },
      { unitId: 'xa-a', unitName: 'UBND xã A', value: 1 },
    ]);
    expect(contributions['tables.communication.sessions.total']).toEqual([
      { unitId: 'xa-a', unitName: 'UBND xã A', value: 4 },
      { unitId: 'xa-b', unitName: 'UBND xã B', value: 0 },
    ]);
    expect(contributions['tables.tipoffs.received.total']).toBeUndefined();
  });

  it('with no unit report, everything is empty', () => {
    expect(consolidateTables(def, [])).toEqual({ tables: emptyReportContent(def).tables, contributions: {} });
  });
});

describe('gathered narratives', () => {
  it('puts each unit’s text under its name, separated by a blank line, skipping units that wrote nothing', () => {
    const narratives = gatherNarratives(def, [health, communeA, communeB]);
    expect(narratives.victim_protection).toBe(
      'Sở Y tế: Khám, chữa bệnh cho 3 nạn nhân.\n\nUBND xã A: Tiếp nhận 2 nạn nhân trở về.\n\nĐã hỗ trợ nhu cầu thiết yếu.',
    );
    expect(narratives.communication).toBe('UBND xã A: Tổ chức 4 buổi tuyên truyền.');
    expect(narratives.direction).toBe('');
    expect(Object.keys(narratives)).toEqual(def.sections.map((section) => section.key));
  });
});

describe('consolidated content', () => {
  it('is valid stored content with summed tables, gathered narratives and no notes', () => {
    const content = consolidatedContent(def, [health, communeA, communeB]);
    expect(reportContentSchema.safeParse(content).success).toBe(true);
    expect(content.notes).toEqual({});
    expect(content.tables).toEqual(consolidateTables(def, [health, communeA, communeB]).tables);
    expect(content.narratives).toEqual(gatherNarratives(def, [health, communeA, communeB]));
    expect(validateReport(def, content)).toEqual([]);
  });

  const cell = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
  /** A consistent line of victims_received: a total split by sex and into age bands. */
  const line = fc.record({ female: fc.nat(500), male: fc.nat(500), children: fc.nat(500) }).map(({ female, male, children }) => {
    const total = female + male;
    const under16 = Math.min(children, total);
    return { total, female, male, age_under_16: under16, age_16_17: 0, age_18_plus: total - under16 };
  });
  type Line = Record<string, number>;
  const add = (a: Line, b: Line): Line => Object.fromEntries(Object.entries(a).map(([key, value]) => [key, value + b[key]!]));
  /** A unit report whose figures are fully entered and consistent: received = identified + the others. */
  const consistentUnit = fc.tuple(line, line).map(([identified, others]) => ({ received: add(identified, others), identified }));

  it('property: a sum of consistent unit reports is consistent (no error and no warning)', () => {
    fc.assert(
      fc.property(fc.array(consistentUnit, { maxLength: 6 }), (units) => {
        const reports = units.map((tables, index) => unit(`u${index}`, `Đơn vị ${index}`, { tables: { victims_received: tables } }));
        expect(validateReport(def, consolidatedContent(def, reports))).toEqual([]);
      }),
    );
  });

  it('property: each consolidated cell is the sum of its contributions, and only entering units contribute', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 8 }), (values) => {
        const reports = values.map(([received, resolved], index) =>
          unit(`u${index}`, `Đơn vị ${index}`, { tables: { tipoffs: { received: { total: received }, resolved: { total: resolved } } } }),
        );
        const { tables, contributions } = consolidateTables(def, reports);
        for (const [row, position] of [
          ['received', 0],
          ['resolved', 1],
        ] as const) {
          const entered = values.map((pair) => pair[position]).filter((value): value is number => value !== null);
          const list = contributions[`tables.tipoffs.${row}.total`];
          expect(tables.tipoffs![row]!.total).toBe(entered.length ? entered.reduce((a, b) => a + b, 0) : null);
          expect(list?.length ?? 0).toBe(entered.length);
          expect(list?.map((item) => item.value) ?? []).toEqual(entered);
        }
      }),
    );
  });
});

describe('which unit reports a consolidation sums', () => {
  it('sums the accepted and locked ones and says why each other one is left out', () => {
    expect(consolidationStanding('accepted')).toBe('included');
    expect(consolidationStanding('locked')).toBe('included');
    expect(consolidationStanding('submitted')).toBe('awaiting_review');
    expect(consolidationStanding('resubmitted')).toBe('awaiting_review');
    expect(consolidationStanding('returned')).toBe('returned');
    expect(consolidationStanding('draft')).toBe('not_submitted');
    expect(consolidationStanding(null)).toBe('not_submitted');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_CODE, DEFAULT_TEMPLATE_DEFINITION, DEFAULT_TEMPLATE_NAME } from './default-template.ts';
import { emptyReportContent, reportTemplateDefinitionSchema } from './template-schema.ts';
import { validateReport } from './report-validation.ts';

const def = DEFAULT_TEMPLATE_DEFINITION;
const tableOf = (key: string) => def.tables.find((table) => table.key === key)!;
const sectionOf = (tableKey: string) => def.sections.find((section) => section.tables.includes(tableKey))!.key;

describe('default programme report template', () => {
  it('is the programme report, and passes its own schema unchanged', () => {
    expect(DEFAULT_TEMPLATE_CODE).toBe('programme_report');
    expect(DEFAULT_TEMPLATE_NAME).toBe('Báo cáo kết quả công tác phòng, chống mua bán người');
    const parsed = reportTemplateDefinitionSchema.safeParse(def);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Nothing is normalised away: what is seeded is what the schema keeps.
    expect(parsed.data).toEqual(def);
  });

  it('has the ten sections of the programme report, numbered I to X', () => {
    expect(def.sections.map((section) => section.key)).toEqual([
      'direction',
      'communication',
      'crime_combat',
      'prosecution',
      'victim_protection',
      'law_policy',
      'international',
      'capacity',
      'difficulties',
      'proposals',
    ]);
    const numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
    def.sections.forEach((section, index) => expect(section.title.startsWith(`${numerals[index]}. `), section.title).toBe(true));
    expect(def.sections.find((s) => s.key === 'direction')!.title).toBe('I. Công tác chỉ đạo, điều hành');
    expect(def.sections.every((section) => section.guidance && section.guidance.length > 20)).toBe(true);
  });

  it('places each table in the section an official looks for it in', () => {
    expect(sectionOf('tipoffs')).toBe('crime_combat');
    expect(sectionOf('criminal_cases')).toBe('crime_combat');
    expect(sectionOf('offenders')).toBe('prosecution');
    for (const key of ['victims_received', 'victims_by_exploitation', 'victims_by_destination', 'victims_by_return', 'victims_supported']) {
      expect(sectionOf(key)).toBe('victim_protection');
    }
    expect(sectionOf('communication')).toBe('communication');
    expect(sectionOf('training')).toBe('capacity');
    expect(sectionOf('inspections')).toBe('capacity');
    for (const key of ['law_policy', 'international', 'difficulties', 'proposals']) {
      expect(def.sections.find((section) => section.key === key)!.tables).toEqual([]);
    }
  });

  it('prefills from the record sources that hold the figures', () => {
    expect(Object.fromEntries(def.tables.map((table) => [table.key, table.prefill]))).toEqual({
      tipoffs: 'tipoffs',
      criminal_cases: 'cases',
      offenders: null,
      victims_received: 'victims',
      victims_by_exploitation: 'victims',
      victims_by_destination: 'victims',
      victims_by_return: 'victims',
      victims_supported: 'victims',
      communication: 'prevention',
      training: 'prevention',
      inspections: null,
    });
  });

  it('tip-offs classified or resolved cannot exceed those received', () => {
    const tipoffs = tableOf('tipoffs');
    expect(tipoffs.rows.map((row) => row.key)).toEqual(['received', 'classified', 'resolved']);
    expect(tipoffs.columns.map((column) => column.key)).toEqual(['total']);
    expect(tipoffs.rowLimits).toEqual([
      { row: 'classified', notAbove: 'received' },
      { row: 'resolved', notAbove: 'received' },
    ]);
  });

  it('counts criminal cases in cases and persons', () => {
    const cases = tableOf('criminal_cases');
    expect(cases.rows.map((row) => row.key)).toEqual(['initiated', 'solved', 'prosecuted', 'tried']);
    expect(cases.columns.map((column) => column.key)).toEqual(['cases', 'persons']);
  });

  it('splits offenders and victims by sex, and received victims by age too', () => {
    expect(tableOf('offenders').columnGroups).toEqual([{ total: 'total', parts: ['female', 'male'], complete: true }]);
    const received = tableOf('victims_received');
    expect(received.rows.map((row) => row.label)).toEqual(['Được tiếp nhận', 'Được xác định là nạn nhân']);
    expect(received.columns.map((column) => column.label)).toEqual([
      'Tổng số',
      'Nữ',
      'Nam',
      'Dưới 16 tuổi',
      'Từ đủ 16 đến dưới 18 tuổi',
      'Từ đủ 18 tuổi trở lên',
    ]);
    expect(received.columnGroups).toEqual([
      { total: 'total', parts: ['female', 'male'], complete: true },
      { total: 'total', parts: ['age_under_16', 'age_16_17', 'age_18_plus'], complete: true },
    ]);
    expect(received.rowLimits).toEqual([{ row: 'identified', notAbove: 'received' }]);
  });

  it('breakdown tables have a total row that their other rows complete', () => {
    for (const key of ['victims_by_exploitation', 'victims_by_destination', 'victims_by_return']) {
      const table = tableOf(key);
      expect(table.rows[0]).toEqual({ key: 'total', label: 'Tổng số' });
      expect(table.rowGroups).toEqual([{ total: 'total', parts: table.rows.slice(1).map((row) => row.key), complete: true }]);
    }
    expect(tableOf('victims_by_exploitation').rows.map((row) => row.key)).toEqual([
      'total',
      'sexual_exploitation',
      'forced_labour',
      'forced_marriage',
      'organ_removal',
      'child_sale',
      'surrogacy',
      'other',
    ]);
    expect(tableOf('victims_by_destination').rows.map((row) => row.label)).toEqual([
      'Tổng số',
      'Trung Quốc',
      'Campuchia',
      'Lào',
      'Thái Lan',
      'Myanmar',
      'Malaysia',
      'Quốc gia khác',
      'Trong nước',
    ]);
    expect(tableOf('victims_by_return').rows.map((row) => row.key)).toEqual([
      'total',
      'self_returned',
      'rescued',
      'handed_over',
      'via_mission',
      'other',
    ]);
  });

  it('counts support per kind of support, in persons', () => {
    const supported = tableOf('victims_supported');
    expect(supported.rows).toHaveLength(9);
    expect(supported.columns).toEqual([{ key: 'persons', label: 'Số lượt người được hỗ trợ' }]);
    expect(supported.columnGroups.length + supported.rowGroups.length + supported.rowLimits.length).toBe(0);
  });

  it('an empty report raises no issue', () => {
    expect(validateReport(def, emptyReportContent(def))).toEqual([]);
  });
});

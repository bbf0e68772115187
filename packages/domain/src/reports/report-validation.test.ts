import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_DEFINITION as def } from './default-template.ts';
import {
  compareWithRecords,
  describeReportIssue,
  formatReportCount,
  parseCellValue,
  parseReportInput,
  REPORT_ISSUE_CODES,
  reportNoteKeys,
  submissionBlockers,
  validateReport,
  type ReportInput,
  type ReportIssue,
  type ReportIssueCode,
} from './report-validation.ts';
import { emptyReportContent, reportContentSchema, type ReportContent, type ReportTemplateDefinition } from './template-schema.ts';

type Cells = Record<string, Record<string, number | null>>;

/** Parsed content of the default template with some cells entered. */
function contentWith(tables: Record<string, Cells>, notes: Record<string, string> = {}): ReportContent {
  const result = parseReportInput(def, { tables, notes });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

function issuesOf(raw: ReportInput, definition: ReportTemplateDefinition = def): ReportIssue[] {
  const result = parseReportInput(definition, raw);
  if (result.ok) return [];
  return result.issues;
}

const victimsCell = (row: string, column: string, value: unknown): ReportInput => ({
  tables: { victims_received: { [row]: { [column]: value } } },
});

describe('reading what the form sends', () => {
  it('gives complete content: every section and every cell of the template, missing ones empty', () => {
    const result = parseReportInput(def, {});
    expect(result).toEqual({ ok: true, content: emptyReportContent(def) });
  });

  it('takes numbers and plain digit strings, with spaces around; empty strings and null are "not entered"', () => {
    const result = parseReportInput(def, {
      tables: {
        victims_received: { received: { total: 12, female: ' 7 ', male: '5', age_under_16: '', age_16_17: null, age_18_plus: '  ' } },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.tables.victims_received!.received).toEqual({
      total: 12,
      female: 7,
      male: 5,
      age_under_16: null,
      age_16_17: null,
      age_18_plus: null,
    });
    expect(result.content.tables.victims_received!.identified!.total).toBeNull();
    expect(reportContentSchema.safeParse(result.content).success).toBe(true);
  });

  it('accepts 0 and 10^9, and leading zeros', () => {
    expect(parseCellValue(0)).toEqual({ ok: true, value: 0 });
    expect(parseCellValue(-0)).toEqual({ ok: true, value: 0 });
    expect(Object.is((parseCellValue(-0) as { value: number }).value, 0)).toBe(true);
    expect(parseCellValue(1_000_000_000)).toEqual({ ok: true, value: 1_000_000_000 });
    expect(parseCellValue('1000000000')).toEqual({ ok: true, value: 1_000_000_000 });
    expect(parseCellValue('007')).toEqual({ ok: true, value: 7 });
  });

  it('refuses words, with a message naming the table, row and column', () => {
    const [issue] = issuesOf(victimsCell('identified', 'female', 'mười'));
    expect(issue).toMatchObject({ code: 'cell_not_number', severity: 'error', path: 'tables.victims_received.identified.female' });
    expect(describeReportIssue(issue!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được xác định là nạn nhân", cột "Nữ": phải là số nguyên không âm (nhận được "mười").',
    );
    expect(describeReportIssue(issue!, 'en')).toBe(
      'Table "Nạn nhân được tiếp nhận, xác định", row "Được xác định là nạn nhân", column "Nữ": must be a whole number, 0 or more (received "mười").',
    );
  });

  it('refuses fractions and thousands separators alike, rather than guess what "1.234" meant', () => {
    for (const value of [1.5, '1.5', '1,5', '1.234', '1,234', '1.234.567', '12 345', '-1.5', '.5']) {
      expect(parseCellValue(value), String(value)).toEqual({ ok: false, code: 'cell_not_integer' });
    }
    const [issue] = issuesOf(victimsCell('received', 'total', '1.234'));
    expect(describeReportIssue(issue!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận", cột "Tổng số": phải là số nguyên, không có phần thập phân hay dấu phân cách hàng nghìn (nhận được "1.234").',
    );
  });

  it('refuses negatives, figures above 10^9, and anything that is not a number', () => {
    expect(parseCellValue(-3)).toEqual({ ok: false, code: 'cell_negative' });
    expect(parseCellValue('-3')).toEqual({ ok: false, code: 'cell_negative' });
    expect(parseCellValue(1_000_000_001)).toEqual({ ok: false, code: 'cell_too_large' });
    expect(parseCellValue('99999999999999999999')).toEqual({ ok: false, code: 'cell_too_large' });
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, true, {}, [], [3], '+5', '1e3', '0x10', 'x12', '12abc', '١٢']) {
      expect(parseCellValue(value), String(value)).toEqual({ ok: false, code: 'cell_not_number' });
    }
    const [negative] = issuesOf(victimsCell('received', 'male', -3));
    expect(describeReportIssue(negative!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận", cột "Nam": không được là số âm (nhận được -3).',
    );
    const [large] = issuesOf(victimsCell('received', 'male', 1_000_000_001));
    expect(describeReportIssue(large!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận", cột "Nam": không được lớn hơn 1.000.000.000 (nhận được 1.000.000.001).',
    );
    expect(describeReportIssue(large!, 'en')).toContain('must not exceed 1,000,000,000 (received 1,000,000,001)');
  });

  it('refuses tables, rows, columns and sections the template does not have', () => {
    const issues = issuesOf({
      narratives: { summary: 'x' },
      tables: {
        victims: { received: { total: 1 } },
        victims_received: { returned: { total: 1 }, received: { children: 1 } },
      },
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown_section', 'narratives.summary'],
      ['unknown_table', 'tables.victims'],
      ['unknown_row', 'tables.victims_received.returned'],
      ['unknown_column', 'tables.victims_received.received.children'],
    ]);
    expect(issues.map((issue) => describeReportIssue(issue, 'vi'))).toEqual([
      'Mục "summary" không có trong mẫu báo cáo.',
      'Bảng "victims" không có trong mẫu báo cáo.',
      'Bảng "Nạn nhân được tiếp nhận, xác định": dòng "returned" không có trong mẫu báo cáo.',
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận": cột "children" không có trong mẫu báo cáo.',
    ]);
  });

  it('does not mistake inherited object properties for template keys', () => {
    const raw = JSON.parse('{"tables":{"__proto__":{"x":{"y":1}},"constructor":{}},"narratives":{"toString":"x"}}') as ReportInput;
    expect(issuesOf(raw).map((issue) => issue.code)).toEqual(['unknown_section', 'unknown_table', 'unknown_table']);
    const withConstructorRow: ReportTemplateDefinition = {
      sections: [{ key: 'a', title: 'A', guidance: null, tables: ['t'] }],
      tables: [
        {
          key: 't',
          title: 'T',
          unit: null,
          prefill: null,
          rows: [{ key: 'constructor', label: 'Dòng' }],
          columns: [{ key: 'valueof', label: 'Cột' }],
          columnGroups: [],
          rowGroups: [],
          rowLimits: [],
        },
      ],
    };
    const parsed = parseReportInput(withConstructorRow, {});
    expect(parsed).toEqual({ ok: true, content: { narratives: { a: '' }, tables: { t: { constructor: { valueof: null } } }, notes: {} } });
  });

  it('refuses data of the wrong shape instead of failing', () => {
    expect(issuesOf({ tables: { victims_received: 5 } } as unknown as ReportInput).map((issue) => issue.code)).toEqual(['invalid_shape']);
    expect(issuesOf({ tables: { victims_received: { received: 'x' } } } as unknown as ReportInput).map((issue) => issue.code)).toEqual([
      'invalid_shape',
    ]);
    expect(issuesOf({ tables: [] } as unknown as ReportInput).map((issue) => issue.code)).toEqual(['invalid_shape']);
    expect(issuesOf({ narratives: 'x', notes: 3 } as unknown as ReportInput).map((issue) => issue.code)).toEqual([
      'invalid_shape',
      'invalid_shape',
    ]);
    expect(issuesOf({ tables: { victims_received: null, tipoffs: { received: null } } } as unknown as ReportInput)).toEqual([]);
  });

  it('keeps narratives trimmed with their line breaks, and refuses non-text or over-long ones', () => {
    const result = parseReportInput(def, {
      narratives: { direction: '  Ban hành Kế hoạch số 12/KH-UBND.\r\n\r\nTổ chức hội nghị.  ', proposals: null },
    });
    expect(result.ok && result.content.narratives.direction).toBe('Ban hành Kế hoạch số 12/KH-UBND.\n\nTổ chức hội nghị.');
    expect(result.ok && result.content.narratives.proposals).toBe('');
    expect(parseReportInput(def, { narratives: { direction: 'x'.repeat(100_000) } }).ok).toBe(true);
    const [long] = issuesOf({ narratives: { direction: 'x'.repeat(100_001) } });
    expect(long).toMatchObject({ code: 'narrative_too_long', path: 'narratives.direction' });
    expect(describeReportIssue(long!, 'vi')).toBe(
      'Mục "I. Công tác chỉ đạo, điều hành": nội dung dài 100.001 ký tự, vượt quá 100.000 ký tự cho phép.',
    );
    const [notText] = issuesOf({ narratives: { direction: 12 } });
    expect(describeReportIssue(notText!, 'vi')).toBe('Mục "I. Công tác chỉ đạo, điều hành": nội dung phải là văn bản.');
    const [invalid] = issuesOf({ narratives: { direction: 'a\u0000b' } });
    expect(invalid).toMatchObject({ code: 'text_invalid_characters', path: 'narratives.direction' });
  });

  it('keeps notes only for warnings the template can raise, trimmed, at most 2 000 characters', () => {
    const key = 'parts_below_total:victims_received:received:total:female+male';
    expect(reportNoteKeys(def)).toContain(key);
    const result = parseReportInput(def, { notes: { [key]: '  2 nạn nhân chưa xác định giới tính. ' } });
    expect(result.ok && result.content.notes).toEqual({ [key]: '2 nạn nhân chưa xác định giới tính.' });
    expect(parseReportInput(def, { notes: { [key]: '   ' } })).toMatchObject({ ok: true, content: { notes: {} } });
    expect(issuesOf({ notes: { anything: 'x' } }).map((issue) => issue.code)).toEqual(['unknown_note']);
    expect(issuesOf({ notes: { [key]: 'x'.repeat(2_001) } }).map((issue) => issue.code)).toEqual(['note_too_long']);
    expect(issuesOf({ notes: { [key]: 5 } }).map((issue) => issue.code)).toEqual(['note_not_text']);
  });

  it('says everything that is wrong at once', () => {
    const issues = issuesOf({
      tables: { victims_received: { received: { total: 'mười', female: 1.5, male: -1 } }, tipoffs: { received: { total: 2e9 } } },
    });
    expect(issues.map((issue) => issue.code)).toEqual(['cell_not_number', 'cell_not_integer', 'cell_negative', 'cell_too_large']);
    expect(new Set(issues.map((issue) => issue.key)).size).toBe(issues.length);
  });

  it('property: any integer from 0 to 10^9, as a number or as digits, is kept exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.boolean(), fc.nat(3), (value, asText, spaces) => {
        const raw = asText ? `${' '.repeat(spaces)}${value}${' '.repeat(spaces)}` : value;
        const result = parseReportInput(def, victimsCell('received', 'female', raw));
        expect(result.ok && result.content.tables.victims_received!.received!.female).toBe(value);
      }),
    );
  });

  it('property: a non-integer, negative or too large number is always refused with the right code', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const result = parseCellValue(value);
        if (Number.isInteger(value) && value >= 0 && value <= 1_000_000_000) expect(result.ok).toBe(true);
        else expect(result.ok).toBe(false);
        if (!result.ok) {
          const expected = !Number.isFinite(value)
            ? 'cell_not_number'
            : !Number.isInteger(value)
              ? 'cell_not_integer'
              : value < 0
                ? 'cell_negative'
                : 'cell_too_large';
          expect(result.code).toBe(expected);
        }
      }),
    );
  });

  it('property: whatever arrives, reading never throws; it gives valid complete content or issues that can be described', () => {
    const key = fc.oneof(
      fc.constantFrom('victims_received', 'received', 'identified', 'total', 'female', 'direction', 'constructor'),
      fc.string(),
    );
    const value: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), fc.integer(), fc.double(), fc.stringMatching(/^ ?-?[0-9.,]{0,6} ?$/));
    const objectOr = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof(fc.dictionary(key, inner), value);
    const raw = fc.record(
      { narratives: objectOr(value), tables: objectOr(objectOr(objectOr(value))), notes: objectOr(value) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(raw, (input) => {
        const result = parseReportInput(def, input as ReportInput);
        if (result.ok) {
          expect(reportContentSchema.safeParse(result.content).success).toBe(true);
          expect(Object.keys(result.content.tables)).toEqual(def.tables.map((table) => table.key));
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(describeReportIssue(issue, 'vi')).not.toMatch(/undefined/);
        }
      }),
    );
  });

  it('property: stored content read back through the form is unchanged', () => {
    const cell = fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: null });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 12, maxLength: 12 }), fc.string({ maxLength: 50 }), (values, narrative) => {
        const content = emptyReportContent(def);
        const columns = Object.keys(content.tables.victims_received!.received!);
        columns.forEach((column, index) => {
          content.tables.victims_received!.received![column] = values[index]!;
          content.tables.victims_received!.identified![column] = values[index + 6]!;
        });
        content.narratives.direction = narrative.replace(/\r\n?/g, '\n').normalize('NFC').trim();
        if (content.narratives.direction.includes('\u0000') || /[\ud800-\udfff]/.test(content.narratives.direction)) return;
        expect(parseReportInput(def, content)).toEqual({ ok: true, content });
      }),
    );
  });
});

describe('consistency of the figures', () => {
  it('the sexes may not add up to more than the total', () => {
    const content = contentWith({ victims_received: { received: { total: 10, female: 8, male: 4 } } });
    const issues = validateReport(def, content);
    expect(issues).toEqual([
      {
        code: 'parts_exceed_total',
        severity: 'error',
        path: 'tables.victims_received.received.total',
        key: 'parts_exceed_total:tables.victims_received.received.total',
        params: expect.objectContaining({ totalValue: 10, sum: 12, direction: 'columns' }),
      },
    ]);
    expect(describeReportIssue(issues[0]!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận": tổng các cột "Nữ", "Nam" là 12, lớn hơn cột "Tổng số" (10).',
    );
    expect(describeReportIssue(issues[0]!, 'en')).toBe(
      'Table "Nạn nhân được tiếp nhận, xác định", row "Được tiếp nhận": the columns "Nữ", "Nam" add up to 12, more than column "Tổng số" (10).',
    );
  });

  it('a part alone above the total is already an error; parts being filled in below the total are not flagged', () => {
    expect(validateReport(def, contentWith({ victims_received: { received: { total: 10, female: 11 } } })).map((i) => i.code)).toEqual([
      'parts_exceed_total',
    ]);
    expect(validateReport(def, contentWith({ victims_received: { received: { total: 10, female: 3 } } }))).toEqual([]);
    // Without a total there is nothing to compare with.
    expect(validateReport(def, contentWith({ victims_received: { received: { female: 30, male: 40 } } }))).toEqual([]);
  });

  it('a complete breakdown below its total is a warning whose key keeps its note', () => {
    const content = contentWith({ victims_received: { received: { total: 10, female: 4, male: 4 } } });
    const issues = validateReport(def, content);
    expect(issues).toEqual([
      {
        code: 'parts_below_total',
        severity: 'warning',
        path: 'tables.victims_received.received.total',
        key: 'parts_below_total:victims_received:received:total:female+male',
        params: expect.objectContaining({ totalValue: 10, sum: 8 }),
      },
    ]);
    expect(describeReportIssue(issues[0]!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận": tổng các cột "Nữ", "Nam" là 8, nhỏ hơn cột "Tổng số" (10). ' +
        'Cần ghi chú lý do (ví dụ: trường hợp chưa xác định được) trước khi gửi.',
    );
  });

  it('each group is checked on its own: sexes and age bands against the same total', () => {
    const content = contentWith({
      victims_received: { received: { total: 10, female: 6, male: 4, age_under_16: 5, age_16_17: 5, age_18_plus: 3 } },
    });
    const [issue, ...rest] = validateReport(def, content);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'parts_exceed_total', params: { partKeys: 'age_under_16+age_16_17+age_18_plus', sum: 13 } });
    expect(describeReportIssue(issue!, 'vi')).toContain(
      'tổng các cột "Dưới 16 tuổi", "Từ đủ 16 đến dưới 18 tuổi", "Từ đủ 18 tuổi trở lên" là 13',
    );
  });

  it('rows of a breakdown may not add up to more than the total row, in every column', () => {
    const content = contentWith({ victims_by_destination: { total: { total: 5 }, china: { total: 4 }, cambodia: { total: 3 } } });
    const issues = validateReport(def, content);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['parts_exceed_total', 'tables.victims_by_destination.total.total']]);
    expect(describeReportIssue(issues[0]!, 'vi')).toBe(
      'Bảng "Nạn nhân theo nơi bị mua bán đến", cột "Tổng số": tổng các dòng "Trung Quốc", "Campuchia", "Lào", "Thái Lan", "Myanmar", "Malaysia", "Quốc gia khác", "Trong nước" là 7, lớn hơn dòng "Tổng số" (5).',
    );
    const byExploitation = contentWith({ victims_by_exploitation: { total: { female: 2 }, forced_labour: { female: 3 } } });
    expect(validateReport(def, byExploitation).map((issue) => issue.path)).toEqual(['tables.victims_by_exploitation.total.female']);
  });

  it('a complete row breakdown below its total warns, with a key that cannot be confused with a column group’s', () => {
    const rows = Object.fromEntries(
      ['china', 'cambodia', 'laos', 'thailand', 'myanmar', 'malaysia', 'other_countries', 'domestic'].map((key) => [key, { total: 1 }]),
    );
    const issues = validateReport(def, contentWith({ victims_by_destination: { total: { total: 9 }, ...rows } }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'parts_below_total',
        key: 'parts_below_total:victims_by_destination:rows:total:china+cambodia+laos+thailand+myanmar+malaysia+other_countries+domestic:total',
      }),
    ]);
    expect(reportNoteKeys(def)).toContain(issues[0]!.key);
    // One row missing: not yet complete, so no warning.
    const { domestic: _, ...partial } = rows;
    expect(validateReport(def, contentWith({ victims_by_destination: { total: { total: 9 }, ...partial } }))).toEqual([]);
  });

  it('identified victims may not outnumber those received, column by column', () => {
    const content = contentWith({ victims_received: { received: { female: 3, male: 2 }, identified: { female: 4, male: 2 } } });
    const issues = validateReport(def, content);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['row_exceeds_limit', 'tables.victims_received.identified.female']]);
    expect(describeReportIssue(issues[0]!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", cột "Nữ": dòng "Được xác định là nạn nhân" (4) lớn hơn dòng "Được tiếp nhận" (3).',
    );
    expect(describeReportIssue(issues[0]!, 'en')).toBe(
      'Table "Nạn nhân được tiếp nhận, xác định", column "Nữ": row "Được xác định là nạn nhân" (4) is more than row "Được tiếp nhận" (3).',
    );
    expect(
      validateReport(def, contentWith({ tipoffs: { received: { total: 5 }, classified: { total: 5 }, resolved: { total: 6 } } })),
    ).toEqual([expect.objectContaining({ code: 'row_exceeds_limit', path: 'tables.tipoffs.resolved.total' })]);
    expect(validateReport(def, contentWith({ tipoffs: { resolved: { total: 6 } } }))).toEqual([]);
  });

  it('a group that is not complete never warns', () => {
    const partial: ReportTemplateDefinition = {
      ...def,
      tables: def.tables.map((table) =>
        table.key === 'offenders' ? { ...table, columnGroups: [{ total: 'total', parts: ['female', 'male'], complete: false }] } : table,
      ),
    };
    const content = contentWith({ offenders: { suspects: { total: 10, female: 1, male: 1 } } });
    expect(validateReport(def, content).map((issue) => issue.code)).toEqual(['parts_below_total']);
    expect(validateReport(partial, content)).toEqual([]);
    expect(reportNoteKeys(partial).some((key) => key.includes(':offenders:'))).toBe(false);
  });

  it('reads stored content defensively: missing tables or rows count as not entered', () => {
    expect(validateReport(def, { narratives: {}, tables: {}, notes: {} })).toEqual([]);
    expect(
      validateReport(def, { narratives: {}, tables: { victims_received: { received: { total: 1, female: 2 } } }, notes: {} }),
    ).toHaveLength(1);
  });

  it('property: figures whose breakdowns add up exactly and keep identified ≤ received raise nothing', () => {
    // A consistent line: a total, split by sex and (independently) into the three age bands.
    const line = fc
      .integer({ min: 0, max: 1_000_000 })
      .chain((total) =>
        fc.tuple(
          fc.constant(total),
          fc.integer({ min: 0, max: total }),
          fc.integer({ min: 0, max: total }),
          fc.integer({ min: 0, max: total }),
        ),
      )
      .map(([total, female, cutA, cutB]) => {
        const [low, high] = [Math.min(cutA, cutB), Math.max(cutA, cutB)];
        return { total, female, male: total - female, age_under_16: low, age_16_17: high - low, age_18_plus: total - high };
      });
    fc.assert(
      fc.property(line, line, (identified, others) => {
        // Received = identified + those not (or not yet) identified: consistent, and never below identified.
        const received = Object.fromEntries(
          Object.entries(identified).map(([column, value]) => [column, value + others[column as keyof typeof others]]),
        );
        const content = contentWith({ victims_received: { received, identified } });
        expect(validateReport(def, content)).toEqual([]);
      }),
    );
  });

  it('property: only totals, or only parts, never raise an issue', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }), fc.boolean(), (values, totalsOnly) => {
        const cells: Cells = totalsOnly
          ? { received: { total: Math.max(values[0]!, values[1]!) }, identified: { total: Math.min(values[0]!, values[1]!) } }
          : { received: { female: values[0]!, male: values[1]!, age_under_16: values[2]! } };
        expect(validateReport(def, contentWith({ victims_received: cells }))).toEqual([]);
      }),
    );
  });
});

describe('what blocks a submission', () => {
  const warningKey = 'parts_below_total:victims_received:received:total:female+male';
  const incomplete = { victims_received: { received: { total: 10, female: 4, male: 4 } } };

  it('a warning blocks until a note explains it', () => {
    const blockers = submissionBlockers(def, contentWith(incomplete));
    expect(blockers).toEqual([
      expect.objectContaining({
        code: 'warning_without_note',
        severity: 'error',
        key: warningKey,
        path: 'tables.victims_received.received.total',
      }),
    ]);
    expect(describeReportIssue(blockers[0]!, 'vi')).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận": tổng các cột "Nữ", "Nam" là 8, nhỏ hơn cột "Tổng số" (10). ' +
        'Chưa có ghi chú lý do nên chưa gửi được báo cáo.',
    );
    expect(describeReportIssue(blockers[0]!, 'en')).toContain('cannot be submitted until a note explains why');
    expect(submissionBlockers(def, contentWith(incomplete, { [warningKey]: 'Hai nạn nhân chưa xác định được giới tính.' }))).toEqual([]);
    // A blank note explains nothing.
    const blank = { ...contentWith(incomplete), notes: { [warningKey]: '   ' } };
    expect(submissionBlockers(def, blank).map((issue) => issue.code)).toEqual(['warning_without_note']);
  });

  it('errors always block, with or without notes', () => {
    const content = contentWith({ victims_received: { received: { total: 1, female: 2 } } });
    expect(submissionBlockers(def, content).map((issue) => issue.code)).toEqual(['parts_exceed_total']);
    expect(submissionBlockers(def, emptyReportContent(def))).toEqual([]);
  });

  it('property: the blockers are exactly the errors plus one per unexplained warning', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (values, noted) => {
          const [total, female, male, under16, from16, adult] = values;
          const content = contentWith({
            victims_received: {
              received: { total: total!, female: female!, male: male!, age_under_16: under16!, age_16_17: from16!, age_18_plus: adult! },
            },
          });
          const issues = validateReport(def, content);
          if (noted) for (const issue of issues) content.notes[issue.key] = 'Giải thích';
          const blockers = submissionBlockers(def, content);
          const errors = issues.filter((issue) => issue.severity === 'error').length;
          const warnings = issues.length - errors;
          expect(blockers).toHaveLength(errors + (noted ? 0 : warnings));
          expect(blockers.every((issue) => issue.severity === 'error')).toBe(true);
        },
      ),
    );
  });
});

describe('comparison with the records', () => {
  it('lists the cells whose figure differs from what the records give', () => {
    const content = contentWith({ victims_received: { received: { total: 10, female: 6 } } });
    const differences = compareWithRecords(content, {
      victims_received: { received: { total: 12, female: 6, male: 0, age_under_16: 2 }, identified: { total: 0 } },
      tipoffs: { received: { total: 3 } },
    });
    expect(differences).toEqual([
      { path: 'tables.victims_received.received.total', entered: 10, fromRecords: 12 },
      { path: 'tables.victims_received.received.age_under_16', entered: null, fromRecords: 2 },
      { path: 'tables.tipoffs.received.total', entered: null, fromRecords: 3 },
    ]);
  });
  it('an entered 0 where the records have something differs; nothing where they have 0 does not', () => {
    const content = contentWith({ tipoffs: { received: { total: 0 } } });
    expect(compareWithRecords(content, { tipoffs: { received: { total: 2 }, resolved: { total: 0 } } })).toEqual([
      { path: 'tables.tipoffs.received.total', entered: 0, fromRecords: 2 },
    ]);
    expect(compareWithRecords(content, {})).toEqual([]);
  });
});

describe('messages', () => {
  /** One real issue of every code, produced by the functions officials meet. */
  function oneOfEach(): Map<ReportIssueCode, ReportIssue> {
    const found = new Map<ReportIssueCode, ReportIssue>();
    const add = (issues: ReportIssue[]) => issues.forEach((issue) => found.set(issue.code, found.get(issue.code) ?? issue));
    const key = 'parts_below_total:victims_received:received:total:female+male';
    add(
      issuesOf({
        narratives: { summary: 'x', direction: 1, proposals: 'x'.repeat(100_001), difficulties: '\u0000' },
        tables: {
          nope: {},
          victims_received: { nope: {}, received: { nope: 1, total: 'mười', female: 1.5, male: -1, age_under_16: 2e9 } },
          tipoffs: 7,
        },
        notes: { nope: 'x', [key]: 'x'.repeat(2_001) },
      } as unknown as ReportInput),
    );
    add(issuesOf({ notes: { [key]: 1 } }));
    const incomplete = contentWith({ victims_received: { received: { total: 10, female: 4, male: 4 }, identified: { total: 12 } } });
    add(validateReport(def, incomplete));
    add(validateReport(def, contentWith({ victims_received: { received: { total: 1, female: 4 } } })));
    add(submissionBlockers(def, incomplete));
    return found;
  }

  it('every code can be produced and reads well in Vietnamese and English', () => {
    const issues = oneOfEach();
    expect([...issues.keys()].sort()).toEqual([...REPORT_ISSUE_CODES].sort());
    for (const issue of issues.values()) {
      for (const locale of ['vi', 'en'] as const) {
        const message = describeReportIssue(issue, locale);
        expect(message, `${issue.code}/${locale}`).toMatch(/^[A-ZĐ][^]*\.$/u);
        expect(message).not.toMatch(/undefined|null|NaN|\[object/);
      }
      if (issue.path.startsWith('tables.victims_received.'))
        expect(describeReportIssue(issue, 'vi')).toContain('Nạn nhân được tiếp nhận, xác định');
    }
  });

  it('writes counts with the thousands separator of the language', () => {
    expect(formatReportCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatReportCount(1234567, 'en')).toBe('1,234,567');
    expect(formatReportCount(999, 'vi')).toBe('999');
    expect(formatReportCount(-1000, 'vi')).toBe('-1.000');
    expect(formatReportCount(1.5, 'vi')).toBe('1,5');
  });
});

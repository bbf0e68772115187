import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyReportContent,
  reportContentSchema,
  reportTemplateDefinitionSchema,
  type ReportTemplateDefinition,
} from './template-schema.ts';

type Table = ReportTemplateDefinition['tables'][number];

function table(overrides: Partial<Table> = {}): Table {
  return {
    key: 'victims',
    title: 'Nạn nhân',
    unit: 'người',
    prefill: null,
    rows: [
      { key: 'received', label: 'Được tiếp nhận' },
      { key: 'identified', label: 'Được xác định' },
    ],
    columns: [
      { key: 'total', label: 'Tổng số' },
      { key: 'female', label: 'Nữ' },
      { key: 'male', label: 'Nam' },
    ],
    columnGroups: [{ total: 'total', parts: ['female', 'male'], complete: true }],
    rowGroups: [],
    rowLimits: [{ row: 'identified', notAbove: 'received' }],
    ...overrides,
  };
}

function definition(overrides: Partial<ReportTemplateDefinition> = {}): ReportTemplateDefinition {
  return {
    sections: [
      { key: 'direction', title: 'I. Chỉ đạo, điều hành', guidance: null, tables: [] },
      { key: 'victims', title: 'II. Bảo vệ nạn nhân', guidance: 'Nêu kết quả.', tables: ['victims'] },
    ],
    tables: [table()],
    ...overrides,
  };
}

/** The Vietnamese messages the schema gives for a definition (empty when it is accepted). */
function messages(value: unknown): string[] {
  const result = reportTemplateDefinitionSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('report template definition', () => {
  it('accepts a well-formed definition and keeps it as written', () => {
    const parsed = reportTemplateDefinitionSchema.parse(definition());
    expect(parsed).toEqual(definition());
  });

  it('tidies titles and labels (NFC, whitespace) and refuses empty ones', () => {
    const parsed = reportTemplateDefinitionSchema.parse(
      definition({
        tables: [table({ title: '  Nạn   nhân\n được tiếp nhận ', rows: [{ key: 'received', label: 'Tiếp nhận' }], rowLimits: [] })],
      }),
    );
    expect(parsed.tables[0]!.title).toBe('Nạn nhân được tiếp nhận');
    expect(messages(definition({ tables: [table({ title: '   ' })] }))).toEqual(['Không được để trống.']);
    expect(messages(definition({ tables: [table({ title: 'x'.repeat(301) })] }))).toHaveLength(1);
  });

  it('refuses keys that are not lower-case identifiers of at most 40 characters', () => {
    for (const key of ['Victims', '1st', '_x', 'a-b', 'nạn_nhân', 'a'.repeat(41), '']) {
      expect(
        messages(definition({ tables: [table({ key })], sections: [{ key: 's', title: 'S', guidance: null, tables: [key] }] })).length,
      ).toBeGreaterThan(0);
    }
    expect(messages(definition({ sections: [{ key: 'a'.repeat(40), title: 'S', guidance: null, tables: ['victims'] }] }))).toEqual([]);
  });

  it('needs at least one section, one row and one column', () => {
    expect(messages({ sections: [], tables: [] }).length).toBeGreaterThan(0);
    expect(messages(definition({ tables: [table({ rows: [], rowLimits: [] })] })).length).toBeGreaterThan(0);
    expect(messages(definition({ tables: [table({ columns: [], columnGroups: [] })] })).length).toBeGreaterThan(0);
  });

  it('a prefill source is a name or null, never an empty string', () => {
    expect(messages(definition({ tables: [table({ prefill: 'victims' })] }))).toEqual([]);
    expect(messages(definition({ tables: [table({ prefill: '' })] })).length).toBeGreaterThan(0);
  });

  it('refuses duplicate section and table keys', () => {
    expect(
      messages(
        definition({
          sections: [
            { key: 'victims', title: 'A', guidance: null, tables: ['victims'] },
            { key: 'victims', title: 'B', guidance: null, tables: [] },
          ],
        }),
      ),
    ).toEqual(['Mã mục "victims" bị trùng.']);
    expect(messages(definition({ tables: [table(), table()] }))).toContain('Mã bảng "victims" bị trùng.');
  });

  it('refuses duplicate row and column keys within a table', () => {
    const rows = [
      { key: 'received', label: 'A' },
      { key: 'received', label: 'B' },
    ];
    expect(messages(definition({ tables: [table({ rows, rowLimits: [] })] }))).toEqual(['Bảng "victims": mã dòng "received" bị trùng.']);
    const columns = [
      { key: 'total', label: 'Tổng số' },
      { key: 'total', label: 'Tổng' },
    ];
    expect(messages(definition({ tables: [table({ columns, columnGroups: [] })] }))).toEqual(['Bảng "victims": mã cột "total" bị trùng.']);
  });

  it('every table belongs to exactly one section, and sections name only tables that exist', () => {
    expect(messages(definition({ sections: [{ key: 'a', title: 'A', guidance: null, tables: ['victims', 'cases'] }] }))).toEqual([
      'Mục "a" gắn bảng "cases" không có trong mẫu.',
    ]);
    expect(messages(definition({ sections: [{ key: 'a', title: 'A', guidance: null, tables: [] }] }))).toEqual([
      'Bảng "victims" chưa được gắn vào mục nào.',
    ]);
    expect(
      messages(
        definition({
          sections: [
            { key: 'a', title: 'A', guidance: null, tables: ['victims'] },
            { key: 'b', title: 'B', guidance: null, tables: ['victims'] },
          ],
        }),
      ),
    ).toEqual(['Bảng "victims" được gắn nhiều lần (mục "a", "b"); mỗi bảng chỉ thuộc một mục.']);
    expect(messages(definition({ sections: [{ key: 'a', title: 'A', guidance: null, tables: ['victims', 'victims'] }] }))).toHaveLength(1);
  });

  it('groups name columns (column groups) or rows (row groups) of their own table', () => {
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'all', parts: ['female', 'male'], complete: true }] })] })),
    ).toEqual(['Bảng "victims": nhóm có cột tổng "all" không có trong bảng.']);
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'total', parts: ['female', 'other'], complete: false }] })] })),
    ).toEqual(['Bảng "victims": nhóm có cột thành phần "other" không có trong bảng.']);
    // A row key is not a column key.
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'total', parts: ['received'], complete: false }] })] })),
    ).toHaveLength(1);
    expect(messages(definition({ tables: [table({ rowGroups: [{ total: 'received', parts: ['female'], complete: false }] })] }))).toEqual([
      'Bảng "victims": nhóm có dòng thành phần "female" không có trong bảng.',
    ]);
    expect(
      messages(definition({ tables: [table({ rowGroups: [{ total: 'received', parts: ['identified'], complete: false }] })] })),
    ).toEqual([]);
  });

  it('a total is not one of its own parts, and no part is listed twice', () => {
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'total', parts: ['total', 'male'], complete: true }] })] })),
    ).toEqual(['Bảng "victims": cột tổng "total" không được là thành phần của chính nó.']);
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'total', parts: ['male', 'male'], complete: true }] })] })),
    ).toEqual(['Bảng "victims": cột thành phần "male" bị lặp trong nhóm.']);
    expect(
      messages(definition({ tables: [table({ columnGroups: [{ total: 'total', parts: [], complete: true }] })] })).length,
    ).toBeGreaterThan(0);
  });

  it('row limits name two different rows of the table', () => {
    expect(messages(definition({ tables: [table({ rowLimits: [{ row: 'identified', notAbove: 'reported' }] })] }))).toEqual([
      'Bảng "victims": ràng buộc nêu dòng "reported" không có trong bảng.',
    ]);
    expect(messages(definition({ tables: [table({ rowLimits: [{ row: 'received', notAbove: 'received' }] })] }))).toEqual([
      'Bảng "victims": dòng "received" không thể bị giới hạn bởi chính nó.',
    ]);
  });

  it('reports every problem at once, with a path to it', () => {
    const result = reportTemplateDefinitionSchema.safeParse(
      definition({
        tables: [
          table({ rowLimits: [{ row: 'received', notAbove: 'received' }], columnGroups: [{ total: 'x', parts: ['y'], complete: true }] }),
        ],
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
      'tables.0.columnGroups.0.total',
      'tables.0.columnGroups.0.parts.0',
      'tables.0.rowLimits.0.notAbove',
    ]);
  });
});

describe('report content', () => {
  const valid = { narratives: { a: 'Văn bản' }, tables: { t: { r: { c: 0, d: null, e: 1_000_000_000 } } }, notes: {} };
  it('holds non-negative integers up to 10^9 or null in cells', () => {
    expect(reportContentSchema.safeParse(valid).success).toBe(true);
    for (const bad of [-1, 1.5, 1_000_000_001, Number.NaN, '3']) {
      expect(reportContentSchema.safeParse({ ...valid, tables: { t: { r: { c: bad } } } }).success, String(bad)).toBe(false);
    }
  });
  it('bounds narratives at 100 000 characters (a consolidated report gathers many units) and notes at 2 000', () => {
    expect(reportContentSchema.safeParse({ ...valid, narratives: { a: 'x'.repeat(100_000) } }).success).toBe(true);
    expect(reportContentSchema.safeParse({ ...valid, narratives: { a: 'x'.repeat(100_001) } }).success).toBe(false);
    expect(reportContentSchema.safeParse({ ...valid, notes: { k: 'x'.repeat(2_001) } }).success).toBe(false);
  });

  it('a new report has every narrative empty and every cell not entered', () => {
    const content = emptyReportContent(definition());
    expect(content).toEqual({
      narratives: { direction: '', victims: '' },
      tables: {
        victims: {
          received: { total: null, female: null, male: null },
          identified: { total: null, female: null, male: null },
        },
      },
      notes: {},
    });
    expect(reportContentSchema.safeParse(content).success).toBe(true);
  });

  it('property: an empty report has exactly rows × columns cells in every table, all null', () => {
    const keys = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(keys, keys, (rows, columns) => {
        const def = definition({
          tables: [
            table({
              rows: rows.map((key) => ({ key, label: key })),
              columns: columns.map((key) => ({ key, label: key })),
              columnGroups: [],
              rowLimits: [],
            }),
          ],
        });
        const cells = emptyReportContent(def).tables.victims!;
        expect(Object.keys(cells)).toEqual(rows);
        for (const row of rows) {
          expect(Object.keys(cells[row]!)).toEqual(columns);
          expect(Object.values(cells[row]!).every((value) => value === null)).toBe(true);
          // Own properties only: a row called "constructor" is an ordinary row.
          expect(Object.hasOwn(cells, row)).toBe(true);
        }
      }),
    );
  });
});

import { DEFAULT_TEMPLATE_DEFINITION } from '@atmis/domain/reports/default-template';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XML_INVALID } from '../../../platform/documents/text.ts';
import { reportModel } from './report-fixture.ts';
import {
  CONTENT_SHEET_NAME,
  INFO_SHEET_NAME,
  TABLE_HEADER_ROW,
  renderReportXlsx,
  tableSheetNames,
  uniqueSheetName,
} from './report-xlsx.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Column B label → row, on a table sheet. */
function rowByLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === label) return ws.getRow(r);
  throw new Error(`no row "${label}" on ${ws.name}`);
}

describe('sheet names', () => {
  it('removes forbidden characters, cuts to 31 characters and keeps names unique', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('Bảng [1]: a/b\\c*d?e', taken)).toBe('Bảng 1 a b c d e');
    const long = uniqueSheetName('1. Tin báo, tố giác về tội phạm mua bán người', taken);
    expect(long).toBe('1. Tin báo, tố giác về tội phạm');
    expect(long.length).toBeLessThanOrEqual(31);
    const again = uniqueSheetName('1. TIN BÁO, TỐ GIÁC VỀ TỘI PHẠM mua bán', taken);
    expect(again).toBe('1. TIN BÁO, TỐ GIÁC VỀ TỘI (2)');
    expect(uniqueSheetName("'quoted'", taken)).toBe('quoted');
    expect(uniqueSheetName('History', taken)).toBe('History (2)');
    expect(uniqueSheetName('  \u0000[]  ', taken)).toBe('Bảng');
    expect(uniqueSheetName('', taken)).toBe('Bảng (2)');
  });

  it('gives every table of the default template a valid, distinct name', () => {
    const names = [...tableSheetNames(DEFAULT_TEMPLATE_DEFINITION).values()];
    expect(names).toHaveLength(DEFAULT_TEMPLATE_DEFINITION.tables.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});

describe('renderReportXlsx', () => {
  it('writes the information, content and one sheet per table', async () => {
    const wb = await load(await renderReportXlsx(reportModel()));
    const names = tableSheetNames(DEFAULT_TEMPLATE_DEFINITION);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([INFO_SHEET_NAME, CONTENT_SHEET_NAME, ...names.values()]);
    expect(names.get('communication')).toBe('1. Kết quả truyền thông, giáo d');

    const info = wb.getWorksheet(INFO_SHEET_NAME)!;
    const pairs = new Map<string, unknown>();
    info.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(info.getCell('A1').value).toBe('Báo cáo kết quả công tác phòng, chống mua bán người quý I năm 2026');
    expect(pairs.get('Cơ quan báo cáo')).toBe('Công an thành phố Hải Phòng');
    expect(pairs.get('Cơ quan chủ quản')).toBe('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(pairs.get('Loại báo cáo')).toBe('Báo cáo của cơ quan, đơn vị');
    expect(pairs.get('Số, ký hiệu')).toBe('12/BC-CAHP');
    expect(pairs.get('Ngày báo cáo')).toBe('20/3/2026');
    expect(pairs.get('Kỳ báo cáo')).toBe('Quý I năm 2026');
    expect(pairs.get('Thời gian số liệu')).toBe('Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026');
    expect(pairs.get('Trạng thái')).toBe('Đã gửi');

    const content = wb.getWorksheet(CONTENT_SHEET_NAME)!;
    expect([content.getCell('A1').value, content.getCell('B1').value]).toEqual(['Mục', 'Nội dung']);
    expect(content.getCell('A1').font?.bold).toBe(true);
    expect(content.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const sections = DEFAULT_TEMPLATE_DEFINITION.sections;
    expect(sections.map((_, i) => content.getCell(i + 2, 1).value)).toEqual(sections.map((s) => s.title));
    expect(content.getCell(2, 2).value).toBe(
      'Ban Chỉ đạo 138 thành phố ban hành Kế hoạch số 12/KH-BCĐ ngày 05/01/2026.\n\n' +
        'Kiện toàn Tổ công tác liên ngành; phân công Công an thành phố là cơ quan thường trực.',
    );
    expect(content.getCell(2, 2).alignment?.wrapText).toBe(true);
    // A narrative starting with "-" is guarded like every text cell; CRLF is normalised.
    expect(content.getCell(3, 2).value).toBe("'- Tổ chức 45 buổi tuyên truyền tại các xã biên giới.\n- Phát 3.000 tờ rơi.");
    expect(content.getCell(5, 2).value).toBeNull(); // empty narrative
  });

  it('writes cells as numbers, blanks as empty cells, with a bold frozen header', async () => {
    const wb = await load(await renderReportXlsx(reportModel()));
    const names = tableSheetNames(DEFAULT_TEMPLATE_DEFINITION);

    const tipoffs = wb.getWorksheet(names.get('tipoffs')!)!;
    expect(tipoffs.getCell('A1').value).toBe('Bảng 2. Tin báo, tố giác về tội phạm mua bán người');
    expect(tipoffs.getCell('A2').value).toBe('Công an thành phố Hải Phòng — Quý I năm 2026');
    expect(tipoffs.getCell('A3').value).toBe('Đơn vị tính: tin');
    const header = tipoffs.getRow(TABLE_HEADER_ROW);
    expect([1, 2, 3].map((c) => header.getCell(c).value)).toEqual(['TT', 'Nội dung', 'Tổng số']);
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(header.getCell(3).border?.top?.style).toBe('thin');
    expect(tipoffs.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: TABLE_HEADER_ROW });
    const received = rowByLabel(tipoffs, 'Số tin báo, tố giác tiếp nhận');
    expect(received.getCell(1).value).toBe(1);
    expect(received.getCell(3).value).toBe(1234);
    expect(received.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(received.getCell(3).numFmt).toBe('#,##0');

    const victims = wb.getWorksheet(names.get('victims_received')!)!;
    const headerLabels = DEFAULT_TEMPLATE_DEFINITION.tables.find((t) => t.key === 'victims_received')!.columns.map((c) => c.label);
    expect(headerLabels.map((_, i) => victims.getRow(TABLE_HEADER_ROW).getCell(3 + i).value)).toEqual(headerLabels);
    const identified = rowByLabel(victims, 'Được xác định là nạn nhân');
    expect(identified.getCell(6).value).toBe(413);
    expect(identified.getCell(7).value).toBeNull();
    expect(identified.getCell(7).type).toBe(ExcelJS.ValueType.Null);
    expect(identified.getCell(8).value).toBeNull();

    // Row-group totals are bold; the parts are not.
    const exploitation = wb.getWorksheet(names.get('victims_by_exploitation')!)!;
    expect(rowByLabel(exploitation, 'Tổng số').getCell(3).font?.bold).toBe(true);
    expect(rowByLabel(exploitation, 'Bóc lột tình dục').getCell(3).font?.bold).toBeFalsy();

    // No cell anywhere is a formula.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('leaves the parent out when none and marks an unnumbered consolidated report', async () => {
    const wb = await load(
      await renderReportXlsx(
        reportModel({
          issuerParent: null,
          number: null,
          date: null,
          kind: 'consolidated',
          content: { narratives: {}, tables: {}, notes: {} },
        }),
      ),
    );
    const info = wb.getWorksheet(INFO_SHEET_NAME)!;
    const pairs = new Map<string, unknown>();
    info.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.has('Cơ quan chủ quản')).toBe(false);
    expect(pairs.get('Số, ký hiệu')).toBe('(chưa có số)');
    expect(pairs.get('Ngày báo cáo')).toBeNull();
    expect(pairs.get('Loại báo cáo')).toBe('Báo cáo tổng hợp');
    const tipoffs = wb.getWorksheet(tableSheetNames(DEFAULT_TEMPLATE_DEFINITION).get('tipoffs')!)!;
    expect(rowByLabel(tipoffs, 'Số tin báo, tố giác tiếp nhận').getCell(3).value).toBeNull();
  });

  it('splits a narrative longer than an Excel cell over several rows', async () => {
    const model = reportModel();
    const long = 'a'.repeat(70_000);
    const wb = await load(await renderReportXlsx({ ...model, content: { ...model.content, narratives: { direction: long } } }));
    const content = wb.getWorksheet(CONTENT_SHEET_NAME)!;
    const pieces = [2, 3, 4].map((r) => String(content.getCell(r, 2).value));
    expect(pieces.join('')).toBe(long);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(32_767);
    expect(content.getCell(3, 1).value).toBe('I. Công tác chỉ đạo, điều hành (tiếp)');
    expect(content.getCell(5, 1).value).toBe('II. Công tác truyền thông, giáo dục phòng ngừa');
  });

  it('opens whatever the narratives, titles and labels contain (property)', async () => {
    const nasty = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(
        '\u0000',
        '\u0007',
        '\uFFFE',
        '\uD800',
        '\r\n',
        '[',
        ']',
        ':',
        '*',
        '?',
        '/',
        '\\',
        "'",
        '<x>',
        '&',
        '=1+1',
        'History',
      ),
    );
    const text = fc.array(nasty, { maxLength: 8 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, text, text, async (narrative, title, label) => {
        const model = reportModel();
        const definition = {
          ...model.definition,
          sections: model.definition.sections.map((s, i) => (i === 0 ? { ...s, title: label } : s)),
          // Two tables with the same (hostile) title: their sheets must still get distinct names.
          tables: model.definition.tables.map((t, i) => (i < 2 ? { ...t, title: label, unit: label } : t)),
        };
        const buffer = await renderReportXlsx({
          ...model,
          title,
          issuerName: label,
          definition,
          content: { ...model.content, narratives: { direction: narrative } },
        });
        const zip = await JSZip.loadAsync(buffer);
        for (const file of Object.keys(zip.files).filter((f) => f.endsWith('.xml'))) {
          expect(await zip.file(file)!.async('string')).not.toMatch(XML_INVALID);
        }
        const wb = await load(buffer);
        expect(wb.worksheets).toHaveLength(2 + DEFAULT_TEMPLATE_DEFINITION.tables.length);
      }),
      { numRuns: 25 },
    );
  });
});

import { DEFAULT_TEMPLATE_DEFINITION } from '@atmis/domain/reports/default-template';
import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { XML_INVALID } from '../../../platform/documents/text.ts';
import { draftMark, formatCount, formatReportWindow, placedTables } from './report-document-model.ts';
import { EMPTY_NARRATIVE, renderReportDocx, reportSummaryTitle } from './report-docx.ts';
import { reportModel } from './report-fixture.ts';

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file('word/document.xml')!.async('string');
}

async function rawText(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
}

/** The text of each cell of each table row, via mammoth's HTML. */
async function tableRows(buffer: Buffer): Promise<string[][]> {
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const strip = (s: string): string =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .trim();
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((td) => strip(td[1]!)));
}

/** Asserts each needle occurs in `text`, each after the previous one. */
function expectInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('report formatting helpers', () => {
  it('formats counts with vi-VN grouping and blanks for null', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(1_000_000_000)).toBe('1.000.000.000');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('');
  });

  it('prints the data window with the Decree 30 zero-padding rule', () => {
    expect(formatReportWindow({ start: '2025-12-15', end: '2026-03-14' })).toBe('Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026');
    expect(formatReportWindow({ start: '2026-01-01', end: '2026-02-05' })).toBe('Số liệu tính từ ngày 01/01/2026 đến ngày 05/02/2026');
  });

  it('drops a leading "Báo cáo" from the trích yếu', () => {
    expect(reportSummaryTitle('Báo cáo kết quả công tác quý I')).toBe('Kết quả công tác quý I');
    expect(reportSummaryTitle('BÁO CÁO tổng hợp')).toBe('Tổng hợp');
    expect(reportSummaryTitle('Kết quả công tác')).toBe('Kết quả công tác');
    expect(reportSummaryTitle('Báo cáo')).toBe('');
  });

  it('marks every report not yet accepted as a draft', () => {
    expect(draftMark({ status: 'submitted', statusLabel: 'Đã gửi' })).toBe('DỰ THẢO (Đã gửi)');
    expect(draftMark({ status: 'draft', statusLabel: '' })).toBe('DỰ THẢO');
    expect(draftMark({ status: 'accepted', statusLabel: 'Đã chấp nhận' })).toBeNull();
    expect(draftMark({ status: 'locked', statusLabel: 'Đã khóa' })).toBeNull();
  });

  it('numbers the tables in the order the sections show them', () => {
    const placed = placedTables(DEFAULT_TEMPLATE_DEFINITION);
    expect(placed).toHaveLength(DEFAULT_TEMPLATE_DEFINITION.tables.length);
    expect(placed.map((p) => p.table.key).slice(0, 3)).toEqual(['communication', 'tipoffs', 'criminal_cases']);
    expect(placed.map((p) => p.number)).toEqual(placed.map((_, i) => i + 1));
  });
});

describe('renderReportDocx', () => {
  it('renders the default template in the Decree 30 layout, in order', async () => {
    const buffer = await renderReportDocx(reportModel());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await documentXml(buffer);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Kết quả công tác phòng, chống mua bán người quý I năm 2026');
    expect(xml).toContain('Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026');
    for (const section of DEFAULT_TEMPLATE_DEFINITION.sections) expect(xml).toContain(section.title);
    for (const table of DEFAULT_TEMPLATE_DEFINITION.tables) expect(xml).toContain(table.title);
    expect(xml).toContain('>1.234<');
    expect(xml).toContain('>1.234.567<');

    const text = await rawText(buffer);
    expectInOrder(text, [
      'DỰ THẢO (Đã gửi)',
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'CÔNG AN THÀNH PHỐ HẢI PHÒNG',
      'Số: 12/BC-CAHP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hải Phòng, ngày 20 tháng 3 năm 2026',
      'BÁO CÁO',
      'Kết quả công tác phòng, chống mua bán người quý I năm 2026',
      'Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026',
      'I. Công tác chỉ đạo, điều hành',
      'Ban Chỉ đạo 138 thành phố ban hành Kế hoạch số 12/KH-BCĐ',
      'Kiện toàn Tổ công tác liên ngành',
      'II. Công tác truyền thông, giáo dục phòng ngừa',
      '- Tổ chức 45 buổi tuyên truyền tại các xã biên giới.',
      '- Phát 3.000 tờ rơi.',
      'Bảng 1. Kết quả truyền thông, giáo dục',
      'III. Công tác đấu tranh, phòng ngừa tội phạm mua bán người',
      'Bảng 2. Tin báo, tố giác về tội phạm mua bán người',
      'Đơn vị tính: tin',
      'Bảng 3. Kết quả điều tra, truy tố, xét xử các vụ án mua bán người',
      'IV. Công tác truy tố, xét xử',
      EMPTY_NARRATIVE,
      'Bảng 4. Đối tượng phạm tội mua bán người',
      'Đơn vị tính: người',
      'X. Đề xuất, kiến nghị',
      'Nơi nhận:',
      '- Ban Chỉ đạo 138 thành phố;',
      '- Lưu: VT, PC02.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Trần Văn Nam',
    ]);
    // The window line is italic, the empty narrative too.
    expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Số liệu tính từ ngày/s);
    expect(xml).toMatch(new RegExp(`<w:i/>(?:(?!</w:r>).)*${EMPTY_NARRATIVE.replace(/[()]/g, '\\$&')}`, 's'));
    // "BÁO CÁO" is not printed twice.
    expect(text).not.toContain('Báo cáo kết quả');
  });

  it('prints each table bordered, with TT | Nội dung | columns, right-aligned numbers and blanks', async () => {
    const buffer = await renderReportDocx(reportModel());
    const xml = await documentXml(buffer);
    // The issuer header, the foot, and one table per template table.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2 + DEFAULT_TEMPLATE_DEFINITION.tables.length);
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toMatch(/<w:insideH w:val="single"/);

    const rows = await tableRows(buffer);
    expect(rows).toContainEqual(['TT', 'Nội dung', 'Tổng số']);
    expect(rows).toContainEqual([
      'TT',
      'Nội dung',
      'Tổng số',
      'Nữ',
      'Nam',
      'Dưới 16 tuổi',
      'Từ đủ 16 đến dưới 18 tuổi',
      'Từ đủ 18 tuổi trở lên',
    ]);
    expect(rows).toContainEqual(['1', 'Số tin báo, tố giác tiếp nhận', '1.234']);
    expect(rows).toContainEqual(['2', 'Số tin đã phân loại, chuyển cơ quan có thẩm quyền', '1.200']);
    const identified = rows.find((r) => r[1] === 'Được xác định là nạn nhân')!;
    expect(identified.slice(5)).toEqual(['413', '', '']);

    // The paragraph holding a number is right-aligned.
    const paragraph = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes('>1.234<'))!;
    expect(paragraph).toContain('<w:jc w:val="right"/>');
  });

  it('uses A4, Decree 30 margins, Times New Roman and page numbers from page 2', async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(reportModel()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('<w:titlePg');
    expect(xml).toContain('w:jc w:val="both"');
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Times New Roman');
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const headerXml = await Promise.all(headers.map((f) => zip.file(f)!.async('string')));
    expect(headerXml.some((x) => x.includes('PAGE'))).toBe(true);
  });

  it('has no draft mark once accepted, and blanks for an unnumbered, undated consolidated report', async () => {
    const text = await rawText(
      await renderReportDocx(
        reportModel({
          status: 'accepted',
          statusLabel: 'Đã chấp nhận',
          kind: 'consolidated',
          issuerParent: null,
          issuerName: 'BAN CHỈ ĐẠO 138\nTHÀNH PHỐ HẢI PHÒNG',
          number: null,
          symbol: 'BC-BCĐ',
          date: null,
          recipients: [],
          signer: { title: null, name: null },
        }),
      ),
    );
    expect(text).not.toContain('DỰ THẢO');
    expectInOrder(text, [
      'BAN CHỈ ĐẠO 138',
      'THÀNH PHỐ HẢI PHÒNG',
      'Số:      /BC-BCĐ',
      'Hải Phòng, ngày    tháng    năm 20..',
      'BÁO CÁO',
      'Nơi nhận:',
      '- Lưu: VT.',
    ]);
  });

  it('strips characters XML forbids and keeps markup-like text as text', async () => {
    const model = reportModel();
    const buffer = await renderReportDocx({
      ...model,
      title: 'Báo cáo <b>&amp; "thử"\u0007',
      issuerName: 'Công an\u0000 tỉnh',
      content: { ...model.content, narratives: { ...model.content.narratives, direction: 'x < y > z\u0000\u001F\uFFFE & w' } },
    });
    const xml = await documentXml(buffer);
    expect(xml).not.toMatch(XML_INVALID);
    const text = await rawText(buffer);
    expect(text).toContain('<b>&amp; "thử"');
    expect(text).toContain('x < y > z & w');
    expect(text).toContain('CÔNG AN TỈNH');
  });

  it('survives very long narratives, many lines and no cells entered', async () => {
    const model = reportModel();
    const long = 'Nội dung rất dài '.repeat(15_000); // ~250,000 characters on one line
    const manyLines = Array.from({ length: 2_000 }, (_, i) => `- Dòng ${i + 1}`).join('\n');
    const buffer = await renderReportDocx({
      ...model,
      content: {
        ...model.content,
        narratives: { direction: long, communication: manyLines },
        tables: {}, // no cells at all: every cell blank
      },
    });
    const xml = await documentXml(buffer);
    expect(xml).toContain('- Dòng 2000');
    expect(xml.length).toBeGreaterThan(long.length);
  });

  it('opens whatever the narratives and labels contain (property)', async () => {
    const nasty = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('\u0000', '\u0007', '\u000B', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\r\n', '\r', '<w:p>', ']]>', '&', '=1+1'),
    );
    const text = fc.array(nasty, { maxLength: 8 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, text, text, async (narrative, title, label) => {
        const model = reportModel();
        const definition = {
          ...model.definition,
          sections: model.definition.sections.map((s, i) => (i === 0 ? { ...s, title: label || 'x' } : s)),
          tables: model.definition.tables.map((t, i) => (i === 0 ? { ...t, title: label, unit: label } : t)),
        };
        const buffer = await renderReportDocx({
          ...model,
          title,
          definition,
          content: { ...model.content, narratives: { direction: narrative, communication: narrative } },
          recipients: [label],
          signer: { title: label, name: title },
        });
        const xml = await documentXml(buffer);
        expect(xml).not.toMatch(XML_INVALID);
        expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      }),
      { numRuns: 25 },
    );
  });
});

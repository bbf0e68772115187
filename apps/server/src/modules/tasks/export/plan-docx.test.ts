import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { PlanDocumentModel } from './plan-document-model.ts';
import { formatDocumentNumber, formatPlaceDate, formatRecipients, renderPlanDocx } from './plan-docx.ts';

const haiPhongPlan: PlanDocumentModel = {
  issuer: { parentName: null, name: 'Ủy ban nhân dân\nthành phố Hải Phòng' },
  number: '45',
  symbol: 'KH-UBND',
  place: 'Hải Phòng',
  date: '2024-03-05',
  kind: 'Kế hoạch',
  title: 'Thực hiện công tác phòng, chống mua bán người\ntrên địa bàn thành phố năm 2024',
  preamble:
    'Căn cứ Luật Phòng, chống mua bán người ngày 29/3/2011;\nCăn cứ Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025 và định hướng đến năm 2030;\nỦy ban nhân dân thành phố ban hành Kế hoạch thực hiện như sau:',
  sections: [
    {
      heading: 'I. MỤC ĐÍCH, YÊU CẦU',
      paragraphs: [],
      subsections: [
        {
          heading: '1. Mục đích',
          paragraphs: ['Nâng cao hiệu quả công tác phòng ngừa, phát hiện, điều tra, xử lý tội phạm mua bán người.'],
        },
        {
          heading: '2. Yêu cầu',
          paragraphs: ['100% tin báo, tố giác về tội phạm mua bán người được tiếp nhận, phân loại và giải quyết theo quy định.'],
        },
      ],
    },
    {
      heading: 'II. NHIỆM VỤ, GIẢI PHÁP',
      paragraphs: ['Các sở, ban, ngành, Ủy ban nhân dân các quận, huyện tập trung thực hiện các nhiệm vụ sau:'],
      subsections: [
        {
          heading: '1. Công an thành phố',
          paragraphs: ['Chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng thành phố đấu tranh, triệt phá các đường dây mua bán người.'],
          subsections: [{ heading: 'a) Nội dung', paragraphs: ['Tiếp nhận, xác minh, xác định và bảo vệ nạn nhân theo quy định.'] }],
        },
      ],
    },
    {
      heading: 'III. TỔ CHỨC THỰC HIỆN',
      paragraphs: [
        'Định kỳ 6 tháng, hằng năm báo cáo kết quả về Ủy ban nhân dân thành phố (qua Công an thành phố) trước ngày 15/6 và 15/12.',
      ],
    },
  ],
  signer: { authority: 'TM. Ủy ban nhân dân', position: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Nguyễn Văn Tùng' },
  recipients: [
    'Bộ Công an (Cục Cảnh sát hình sự);',
    'TT Thành ủy, TT HĐND thành phố',
    'CT, các PCT UBND thành phố;',
    '- Các sở, ban, ngành thành phố;',
    'UBND các quận, huyện;',
  ],
};

const blankDraft: PlanDocumentModel = {
  ...haiPhongPlan,
  issuer: { parentName: 'UBND THÀNH PHỐ HẢI PHÒNG', name: 'BAN CHỈ ĐẠO 138' },
  number: null,
  symbol: 'KH-BCĐ',
  date: null,
  signer: { authority: null, position: 'TRƯỞNG BAN', name: null },
  recipients: [],
};

async function rawText(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
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

describe('formatters', () => {
  it('formats the number and symbol, with a blank for an unnumbered draft', () => {
    expect(formatDocumentNumber('45', 'KH-UBND')).toBe('Số: 45/KH-UBND');
    expect(formatDocumentNumber(null, 'KH-UBND')).toBe('Số:      /KH-UBND');
    expect(formatDocumentNumber('  ', null)).toBe('Số:      ');
  });

  it('zero-pads days below 10 and months 1 and 2 only (Decree 30/2020)', () => {
    expect(formatPlaceDate('Hải Phòng', '2024-03-05')).toBe('Hải Phòng, ngày 05 tháng 3 năm 2024');
    expect(formatPlaceDate('Hà Nội', '2021-02-09')).toBe('Hà Nội, ngày 09 tháng 02 năm 2021');
    expect(formatPlaceDate('Hà Nội', '2021-12-25')).toBe('Hà Nội, ngày 25 tháng 12 năm 2021');
    expect(formatPlaceDate('Hải Phòng', null)).toBe('Hải Phòng, ngày    tháng    năm 20..');
    expect(formatPlaceDate('Hải Phòng', 'không rõ')).toBe('Hải Phòng, ngày    tháng    năm 20..');
  });

  it('normalises recipients and ends with "- Lưu: VT."', () => {
    expect(formatRecipients(['Bộ Công an;', '- UBND các quận, huyện'])).toEqual(['- Bộ Công an;', '- UBND các quận, huyện;', '- Lưu: VT.']);
    expect(formatRecipients(['Lưu: VT, CA', 'Bộ Công an'])).toEqual(['- Bộ Công an;', '- Lưu: VT, CA.']);
    expect(formatRecipients([])).toEqual(['- Lưu: VT.']);
  });
});

describe('renderPlanDocx', () => {
  it('renders a valid .docx whose text follows the Decree 30 layout in order', async () => {
    const buffer = await renderPlanDocx(haiPhongPlan);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = await rawText(buffer);
    expectInOrder(text, [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HẢI PHÒNG',
      // Text extraction reads the header table cell by cell: issuer column, then national title column.
      'Số: 45/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hải Phòng, ngày 05 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Thực hiện công tác phòng, chống mua bán người',
      'trên địa bàn thành phố năm 2024',
      'Căn cứ Luật Phòng, chống mua bán người ngày 29/3/2011;',
      'Căn cứ Quyết định số 193/QĐ-TTg ngày 09/02/2021',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Công an thành phố',
      'a) Nội dung',
      'III. TỔ CHỨC THỰC HIỆN',
      'Nơi nhận:',
      '- Bộ Công an (Cục Cảnh sát hình sự);',
      '- Các sở, ban, ngành thành phố;',
      '- UBND các quận, huyện;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Tùng',
    ]);
    expect(text).not.toContain('- - ');
    // Multi-line values are separate paragraphs, so extraction keeps them apart.
    expect(text).toMatch(/KT\. CHỦ TỊCH\n+PHÓ CHỦ TỊCH/);
    expect(text).toMatch(/ỦY BAN NHÂN DÂN\n+THÀNH PHỐ HẢI PHÒNG/);
  });

  it('uses A4, Decree 30 margins, Times New Roman and page numbers from page 2', async () => {
    const zip = await JSZip.loadAsync(await renderPlanDocx(haiPhongPlan));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/); // A4 in twips (rounded)
    expect(documentXml).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(documentXml).toContain('<w:titlePg');
    expect(documentXml).toContain('w:jc w:val="both"');
    const stylesXml = await zip.file('word/styles.xml')!.async('string');
    expect(stylesXml).toContain('Times New Roman');
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const headerXml = await Promise.all(headers.map((f) => zip.file(f)!.async('string')));
    expect(headerXml.some((x) => x.includes('PAGE'))).toBe(true);
  });

  it('renders blanks for an unnumbered, undated draft with a governing body', async () => {
    const text = await rawText(await renderPlanDocx(blankDraft));
    expectInOrder(text, [
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'BAN CHỈ ĐẠO 138',
      'Số:      /KH-BCĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hải Phòng, ngày    tháng    năm 20..',
      'KẾ HOẠCH',
      'Nơi nhận:',
      '- Lưu: VT.',
      'TRƯỞNG BAN',
    ]);
  });

  it('survives control characters and markup-like text', async () => {
    const text = await rawText(
      await renderPlanDocx({
        ...haiPhongPlan,
        title: 'Kế hoạch <b>&amp; "thử"\u0007',
        sections: [{ heading: 'I. A & B', paragraphs: ['x < y > z\u0000'] }],
      }),
    );
    expect(text).toContain('Kế hoạch <b>&amp; "thử"');
    expect(text).toContain('x < y > z');
  });
});

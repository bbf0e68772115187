import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyNames,
  extractAssignment,
  findDateRanges,
  findDeadline,
  findRecurrence,
  findReferences,
  findReporting,
  findTargets,
  parseAgencyHeading,
  parseAgencyList,
  parsePlan,
  planImportResultSchema,
} from './index.ts';

const names = (s: string): string[] => agencyNames(parseAgencyList(s, 0));

describe('agency lists', () => {
  it.each([
    ['Sở Y tế, Sở Tư pháp và UBND các huyện thực hiện', ['Sở Y tế', 'Sở Tư pháp', 'UBND các huyện']],
    ['các sở, ngành, địa phương triển khai', ['các sở, ngành, địa phương']],
    ['UBND các huyện, thành phố tổ chức', ['UBND các huyện, thành phố']],
    ['Sở Văn hóa, Thể thao và Du lịch xây dựng', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Sở Lao động - Thương binh và Xã hội chủ trì', ['Sở Lao động - Thương binh và Xã hội']],
    ['Sở Kế hoạch và Đầu tư, Sở Tài chính hướng dẫn', ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']],
    ['Công an tỉnh Bắc Giang chủ trì', ['Công an tỉnh Bắc Giang']],
    ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Công an tỉnh tuần tra', ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Công an tỉnh']],
    ['Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh xét xử', ['Viện Kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh']],
    ['Công an thành phố (Cơ quan thường trực) làm tốt', ['Công an thành phố']],
    ['Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn và Hội Nông dân tỉnh vận động', ['Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn', 'Hội Nông dân tỉnh']],
    ['các cơ quan, tổ chức quốc tế trong việc', ['các cơ quan, tổ chức quốc tế']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('does not take verbs or common nouns for agencies', () => {
    expect(parseAgencyList('Phòng ngừa tội phạm mua bán người', 0)).toBeNull();
    expect(parseAgencyList('Ban hành kế hoạch', 0)).toBeNull();
    expect(parseAgencyList('Tổ chức tập huấn', 0)).toBeNull();
    expect(parseAgencyList('Các vụ việc có dấu hiệu tội phạm', 0)).toBeNull();
    expect(parseAgencyList('Hội nghị sơ kết', 0)).toBeNull();
  });

  it('agency headings', () => {
    expect(parseAgencyHeading('Công an tỉnh')).toEqual({ agencies: ['Công an tỉnh'], requested: false });
    expect(parseAgencyHeading('Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh')).toEqual({
      agencies: ['Ủy ban Mặt trận Tổ quốc tỉnh'],
      requested: true,
    });
    expect(parseAgencyHeading('Công tác chỉ đạo triển khai')).toBeNull();
    expect(parseAgencyHeading('Hỗ trợ nạn nhân bị mua bán')).toBeNull();
  });
});

describe('assignments in task text', () => {
  it('"(X chủ trì, phối hợp với Y, Z)" at the end', () => {
    expect(extractAssignment('Tổ chức tập huấn cho cán bộ (Công an tỉnh chủ trì, phối hợp với Sở Tư pháp, Sở Y tế thực hiện).')).toEqual({
      lead: ['Công an tỉnh'],
      coordinating: ['Sở Tư pháp', 'Sở Y tế'],
      requested: [],
    });
  });
  it('"Giao X chủ trì, phối hợp với Y"', () => {
    expect(
      extractAssignment('Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với UBND các huyện, thành phố rà soát nạn nhân.'),
    ).toEqual({
      lead: ['Sở Lao động - Thương binh và Xã hội'],
      coordinating: ['UBND các huyện, thành phố'],
      requested: [],
    });
  });
  it('"đề nghị …" is a request, "theo yêu cầu" is not an order', () => {
    expect(extractAssignment('Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp.')).toMatchObject({
      requested: ['Viện Kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh'],
      lead: [],
    });
    expect(extractAssignment('Cung cấp thông tin theo yêu cầu của cơ quan điều tra.').lead).toEqual([]);
  });
  it('labelled form', () => {
    expect(extractAssignment('Cơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: Sở Ngoại vụ, Bộ Chỉ huy Bộ đội Biên phòng tỉnh.')).toEqual({
      lead: ['Công an tỉnh'],
      coordinating: ['Sở Ngoại vụ', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
      requested: [],
    });
  });
});

describe('dates, deadlines, recurrences, campaigns', () => {
  it.each([
    ['Báo cáo kết quả trước ngày 15/8/2024.', '2024-08-15'],
    ['hoàn thành trong tháng 6/2022', '2022-06-30'],
    ['hoàn thành trước tháng 6/2022', '2022-05-31'],
    ['Thời gian: năm 2022', '2022-12-31'],
    ['Thời gian thực hiện: Quý II/2023', '2023-06-30'],
    ['xong trong 6 tháng đầu năm 2025', '2025-06-30'],
    ['chậm nhất ngày 20 tháng 11 năm 2024', '2024-11-20'],
    ['tổ chức trong năm 2023', '2023-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(findDeadline(text)?.date).toBe(iso);
  });

  it('citation and effective dates are not deadlines; yearless dates keep only the text', () => {
    expect(findDeadline('Thực hiện Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ')).toBeNull();
    expect(findDeadline('Bộ luật Hình sự có hiệu lực từ ngày 01/01/2018')).toBeNull();
    expect(findDeadline('gửi báo cáo trước ngày 15/12 hằng năm')).toEqual({ date: null, text: 'trước ngày 15/12 hằng năm' });
    expect(findDeadline('gửi báo cáo trước ngày 15/12', 2024)).toEqual({ date: '2024-12-15', text: 'trước ngày 15/12' });
    expect(findDeadline('trước ngày 31/02/2024')?.date).toBeNull();
  });

  it.each([
    ['Hằng năm tổ chức sơ kết', 'yearly'],
    ['hàng năm', 'yearly'],
    ['định kỳ 6 tháng tổ chức giao ban', 'six_monthly'],
    ['hằng quý kiểm tra', 'quarterly'],
    ['hàng tháng có chuyên mục', 'monthly'],
    ['Thường xuyên cập nhật', 'continuous'],
    ['Thời gian: thường xuyên; báo cáo hằng năm', 'continuous'],
    ['Tổ chức tập huấn', null],
  ])('%s → %s', (text, r) => {
    expect(findRecurrence(text)).toBe(r);
  });

  it('campaign windows', () => {
    expect(findDateRanges('Mở đợt cao điểm từ ngày 01/7/2024 đến 30/9/2024')).toMatchObject([{ from: '2024-07-01', to: '2024-09-30' }]);
    expect(findDateRanges('từ 01/7 đến hết ngày 30/9/2024')).toMatchObject([{ from: '2024-07-01', to: '2024-09-30' }]);
    expect(findDateRanges('từ ngày 15/12 đến ngày 14/6/2024')).toMatchObject([{ from: '2023-12-15', to: '2024-06-14' }]);
    expect(findDateRanges('từ ngày 1 tháng 7 đến ngày 30 tháng 9 năm 2024')).toMatchObject([{ from: '2024-07-01', to: '2024-09-30' }]);
  });
});

describe('targets', () => {
  it('splits the 2021–2025 programme indicator into =100 and >90', () => {
    const t = findTargets(
      'Bảo đảm 100% tố giác, tin báo về tội phạm, kiến nghị khởi tố liên quan đến mua bán người được tiếp nhận, phân loại; tỷ lệ giải quyết đạt trên 90%.',
      'I.2',
    );
    expect(t.map((x) => [x.comparator, x.value, x.unit, x.section])).toEqual([
      ['=', 100, '%', 'I.2'],
      ['>', 90, '%', 'I.2'],
    ]);
    expect(t[1]?.text).toBe('tỷ lệ giải quyết đạt trên 90%');
  });
  it.each([
    ['ít nhất 80% cán bộ được tập huấn', '>=', 80],
    ['tối thiểu 70% xã có mô hình', '>=', 70],
    ['không dưới 85% nạn nhân được hỗ trợ', '>=', 85],
    ['phấn đấu 95% vụ án được truy tố', '>=', 95],
    ['đạt từ 90% trở lên', '>=', 90],
    ['tỷ lệ tái phạm dưới 5%', '<', 5],
    ['không quá 3% hồ sơ quá hạn', '<=', 3],
    ['100% xã, phường có tổ tư vấn', '=', 100],
  ])('%s', (text, comparator, value) => {
    expect(findTargets(text, null)).toMatchObject([{ comparator, value, unit: '%' }]);
  });
  it('counts only with a commitment word; ages and dates are not targets', () => {
    expect(findTargets('tổ chức ít nhất 02 lớp tập huấn', null)).toMatchObject([
      { comparator: '>=', value: 2, unit: 'count', noun: 'lớp tập huấn' },
    ]);
    expect(findTargets('các trường hợp dưới 18 tuổi', null)).toEqual([]);
    expect(findTargets('báo cáo trước ngày 15/12 hằng năm', null)).toEqual([]);
    expect(findTargets('kiểm tra 10/10 huyện, thành phố', null)).toMatchObject([{ value: 10, outOf: 10, noun: 'huyện' }]);
  });
});

describe('reporting', () => {
  it('the brief example: two entries with due rules and recipient', () => {
    const r = findReporting(
      'Các đơn vị báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Công an tỉnh (Cơ quan Thường trực Ban Chỉ đạo 138).',
      [],
    );
    expect(r).toEqual([
      {
        frequency: 'six_monthly',
        from: ['Các đơn vị'],
        recipient: 'Công an tỉnh',
        via: 'Cơ quan Thường trực Ban Chỉ đạo 138',
        due: null,
        dueText: 'trước ngày 15/6',
        subject: null,
      },
      {
        frequency: 'yearly',
        from: ['Các đơn vị'],
        recipient: 'Công an tỉnh',
        via: 'Cơ quan Thường trực Ban Chỉ đạo 138',
        due: null,
        dueText: 'trước ngày 15/12',
        subject: null,
      },
    ]);
  });
  it('a one-off report with a concrete due date', () => {
    expect(findReporting('Sở Tư pháp báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/8/2024.', [])).toEqual([
      {
        frequency: 'once',
        from: ['Sở Tư pháp'],
        recipient: 'UBND tỉnh',
        via: null,
        due: '2024-08-15',
        dueText: 'trước ngày 15/8/2024',
        subject: 'kết quả thực hiện',
      },
    ]);
  });
  it('consolidation "theo quy định" without frequency or recipient is not a rule', () => {
    expect(findReporting('tổng hợp báo cáo theo quy định.', ['Công an tỉnh'])).toEqual([]);
  });
});

describe('legal references', () => {
  it('several citations in one "Căn cứ" paragraph', () => {
    const refs = findReferences(
      'Căn cứ Nghị quyết số 53/NQ-CP ngày 17/7/2019 của Chính phủ; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị; Thông tư số 01/2021/TT-BLĐTBXH ngày 03/6/2021 của Bộ Lao động - Thương binh và Xã hội hướng dẫn',
    );
    expect(refs.map((r) => [r.kind, r.number, r.date, r.issuer])).toEqual([
      ['Nghị quyết', '53/NQ-CP', '2019-07-17', 'Chính phủ'],
      ['Chỉ thị', '05-CT/TW', '2016-05-15', 'Bộ Chính trị'],
      ['Thông tư', '01/2021/TT-BLĐTBXH', '2021-06-03', 'Bộ Lao động - Thương binh và Xã hội'],
    ]);
  });
});

describe('robustness (property-based)', () => {
  const VI_FRAGMENTS = [
    'KẾ HOẠCH',
    'Số: /KH-UBND',
    'I. MỤC TIÊU',
    'II. NHIỆM VỤ',
    '1. Công an tỉnh',
    'a) Nội dung',
    'b) Phân công',
    '- Chủ trì, phối hợp với Sở Tư pháp',
    '+ ',
    '• ',
    'Nơi nhận:',
    'TM. ỦY BAN NHÂN DÂN',
    'Giao ',
    'Đề nghị ',
    'trước ngày 15/8/2024',
    'từ ngày 01/7 đến 30/9/2024',
    '100%',
    'trên 90%',
    '(',
    ')',
    ':',
    ';',
    '\n',
    '\n\n',
    '\r\n',
    'hằng năm',
    'báo cáo định kỳ 6 tháng (trước ngày 15/6) về ',
    'Căn cứ Quyết định số 1/QĐ-TTg ngày 31/02/2021',
    './.',
    '##',
    '**',
    'ngày tháng năm',
    'các sở, ban, ngành,',
    ' và ',
    'Lê Văn A',
    'Ủy ban nhân dân',
    '\u0301',
    '抓紧',
  ];

  it('never throws on arbitrary strings and always returns a schema-valid result', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = parsePlan(s);
        planImportResultSchema.parse(r);
        expect(r.warnings.some((w) => w.code === 'internal_error')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random plan-like fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VI_FRAGMENTS), { maxLength: 60 }), (parts) => {
        const r = parsePlan(parts.join(''));
        planImportResultSchema.parse(r);
        expect(r.warnings.some((w) => w.code === 'internal_error')).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('empty or blank input gives warnings and zero tasks', () => {
    for (const s of ['', '   ', '\n\n\r\n', '\uFEFF']) {
      const r = parsePlan(s);
      expect(r.tasks).toEqual([]);
      expect(r.warnings.map((w) => w.code)).toContain('empty_input');
    }
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VI_FRAGMENTS), { maxLength: 40 }), (parts) => {
        const s = parts.join(' ');
        expect(parsePlan(s)).toEqual(parsePlan(s));
      }),
      { numRuns: 100 },
    );
  });
});

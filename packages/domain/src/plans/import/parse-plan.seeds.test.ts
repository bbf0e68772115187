import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLikelyPlan, parsePlan, planImportResultSchema } from './index.ts';
import type { PlanImportResult, PlanTask } from './index.ts';

// Expectations below were written from reading the documents, not from the parser's output.

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function task(r: PlanImportResult, fragment: string): PlanTask {
  const found = r.tasks.filter((t) => t.text.includes(fragment));
  expect(found, `exactly one task containing "${fragment}"`).toHaveLength(1);
  return found[0] as PlanTask;
}

const codes = (r: PlanImportResult): string[] => r.warnings.map((w) => w.code);

describe('seed: Bắc Giang 2021–2025 (plain text, Roman parts, agency-headed sections)', () => {
  const r = parsePlan(fixture('plan-bac-giang-2021-2025.txt'));

  it('matches the output schema and is a plan', () => {
    expect(() => planImportResultSchema.parse(r)).not.toThrow();
    expect(isLikelyPlan(r)).toBe(true);
    expect(codes(r)).not.toContain('not_a_plan');
  });

  it('document metadata: blank number and day are null with warnings', () => {
    expect(r.document.kind).toBe('plan');
    expect(r.document.number).toBeNull();
    expect(r.document.symbol).toBe('KH-UBND');
    expect(r.document.place).toBe('Bắc Giang');
    expect(r.document.date).toBeNull();
    expect(r.document.dateText).toBe('Bắc Giang, ngày tháng 4 năm 2021');
    expect(r.document.issuer).toBe('UBND tỉnh');
    expect(r.document.title).toBe(
      'Triển khai thực hiện Chương trình phòng, chống mua bán người giai đoạn 2021-2025 và định hướng đến năm 2030',
    );
    expect(codes(r)).toContain('number_blank');
    expect(codes(r)).toContain('date_blank');
  });

  it('legal basis: Quyết định 193/QĐ-TTg', () => {
    expect(r.legalBasis).toEqual([
      {
        kind: 'Quyết định',
        number: '193/QĐ-TTg',
        date: '2021-02-09',
        issuer: 'Thủ tướng Chính phủ',
        title: 'phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021-2025 và định hướng đến năm 2030',
      },
    ]);
  });

  it('period 2021–2025 with orientation to 2030, no phases', () => {
    expect(r.period).toEqual({ from: '2021-01-01', to: '2025-12-31', orientationTo: '2030-12-31' });
    expect(r.phases).toEqual([]);
  });

  it('targets of I.2: 100% received, >90% resolved, >90% solved, 95% prosecuted, 90% tried', () => {
    const pct = r.targets.filter((t) => t.unit === '%');
    expect(pct.map((t) => [t.comparator, t.value])).toEqual([
      ['=', 100],
      ['>', 90],
      ['>', 90],
      ['=', 95],
      ['=', 90],
    ]);
    expect(pct.every((t) => t.section === 'I.2')).toBe(true);
    expect(pct[0]?.text).toContain('100% tố giác, tin báo về tội phạm, kiến nghị khởi tố');
    expect(pct[1]?.text).toBe('tỷ lệ giải quyết đạt trên 90%');
    expect(pct[2]?.text).toContain('Tỷ lệ điều tra, khám phá các vụ án mua bán người đạt trên 90%');
    expect(pct[3]?.text).toContain('95% số vụ án mua bán người hàng năm được giải quyết và truy tố');
    expect(pct[4]?.text).toContain('90% số vụ án mua bán người hàng năm được giải quyết, xét xử');
    // "… và 10/10 huyện, thành phố" (inspection coverage in II.1) is a count target.
    expect(r.targets.filter((t) => t.unit === 'count')).toMatchObject([
      { value: 10, outOf: 10, noun: 'huyện', comparator: '=', section: 'II.1' },
    ]);
  });

  it('sections: 4 parts, 2 + 8 + 11 numbered sections', () => {
    expect(r.sections.map((s) => s.path)).toEqual([
      'I',
      'I.1',
      'I.2',
      'II',
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.7',
      'II.8',
      'III',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
      'III.7',
      'III.8',
      'III.9',
      'III.10',
      'III.11',
      'IV',
    ]);
    expect(r.sections.find((s) => s.path === 'III.2')?.heading).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(r.sections.find((s) => s.path === 'III.9')?.heading).toBe('Đề nghị Viện Kiểm sát, Tòa án nhân dân tỉnh');
  });

  it('61 tasks: 24 in II, 34 in III, 3 numbered paragraphs in IV; none from the objectives', () => {
    expect(r.tasks).toHaveLength(61);
    expect(r.tasks.filter((t) => t.sectionPath.startsWith('II.'))).toHaveLength(24);
    expect(r.tasks.filter((t) => t.sectionPath.startsWith('III.'))).toHaveLength(34);
    expect(r.tasks.filter((t) => t.sectionPath === 'IV')).toHaveLength(3);
    expect(r.tasks.some((t) => t.sectionPath.startsWith('I.'))).toBe(false);
  });

  it('sample tasks: lead/coordinating/requested/recurrence', () => {
    const t1 = task(r, 'Hàng năm giao Ban Chỉ đạo phòng, chống tội phạm');
    expect(t1.section).toBe('II.1. Công tác chỉ đạo triển khai');
    expect(t1.lead).toEqual([
      'Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh',
    ]);
    expect(t1.recurrence).toBe('yearly');

    const t2 = task(r, 'Xây dựng, duy trì hoạt động các chuyên trang');
    expect(t2.sectionPath).toBe('II.2');
    expect(t2.lead).toEqual([]);
    expect(t2.deadline).toBeNull();

    const t3 = task(r, 'Chủ trì, phối hợp với các sở, ngành, cơ quan báo chí, truyền thông');
    expect(t3.section).toBe('III.1. Công an tỉnh');
    expect(t3.lead).toEqual(['Công an tỉnh']);
    expect(t3.coordinating).toEqual(['các sở, ngành, cơ quan báo chí, truyền thông']);

    const t4 = task(r, 'Chủ trì, phối hợp chặt chẽ với các lực lượng');
    expect(t4.lead).toEqual(['Công an tỉnh']);
    expect(t4.coordinating).toEqual(['các lực lượng']);

    // "Phối hợp thực hiện …" with no partner: the section agency only coordinates.
    const t5 = task(r, 'Phối hợp thực hiện công tác tiếp nhận thông tin, thông báo, tố giác');
    expect(t5.sectionPath).toBe('III.2');
    expect(t5.lead).toEqual([]);
    expect(t5.coordinating).toEqual(['Sở Lao động - Thương binh và Xã hội']);

    const t6 = task(r, 'Chủ trì phối hợp với Công an tỉnh, Văn phòng UBND tỉnh');
    expect(t6.lead).toEqual(['Sở Tư pháp']);
    expect(t6.coordinating.slice(0, 2)).toEqual(['Công an tỉnh', 'Văn phòng UBND tỉnh']);

    const t7 = task(r, 'Phối hợp với các Sở, ngành, cơ quan, đơn vị và UBND các huyện, thành phố tổ chức phổ biến');
    expect(t7.lead).toEqual(['Sở Tư pháp']);
    expect(t7.coordinating).toEqual(['các Sở, ngành, cơ quan, đơn vị', 'UBND các huyện, thành phố']);

    const t8 = task(r, 'Lồng ghép phổ biến pháp luật và tuyên truyền');
    expect(t8.lead).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);

    const t9 = task(r, 'Chỉ đạo, hướng dẫn cơ sở khám bệnh, chữa bệnh');
    expect(t9.section).toBe('III.7. Sở Y tế');
    expect(t9.lead).toEqual(['Sở Y tế']);

    const t10 = task(r, 'Cụ thể hóa các nội dung, nhiệm vụ phòng, chống mua bán người');
    expect(t10.lead).toEqual(['Ủy ban nhân dân huyện, thành phố']);

    // "Đề nghị Viện Kiểm sát, Tòa án nhân dân tỉnh": requested, not lead; the paragraph was
    // split by a page break ("đặc biệt là trẻ em …") and must be one task.
    const t11 = task(r, 'Chỉ đạo Viện Kiểm sát, Tòa án nhân dân các cấp');
    expect(t11.lead).toEqual([]);
    expect(t11.requested).toEqual(['Viện Kiểm sát', 'Tòa án nhân dân tỉnh']);
    expect(t11.coordinating).toEqual(['Cơ quan Cảnh sát điều tra Công an tỉnh, huyện, thành phố']);

    const t12 = task(r, 'Thường xuyên sơ kết, tổng kết, khen thưởng');
    expect(t12.requested).toEqual(['Ủy ban Mặt trận Tổ quốc tỉnh']);
    expect(t12.recurrence).toBe('continuous');

    const t13 = task(r, 'Giám sát việc thực hiện pháp luật về phòng, chống mua bán người; vận động');
    expect(t13.text).toContain('tố giác, đấu tranh, lên án đối với tội phạm mua bán người; phối hợp tổ chức');

    const t14 = task(r, 'Chủ trì thực hiện nhiệm vụ tuyên truyền về phòng, chống mua bán người tại cộng đồng');
    expect(t14.requested).toEqual(['Hội Liên hiệp Phụ nữ tỉnh']);
    expect(t14.lead).toEqual([]);

    const t15 = task(r, 'xác định đây là nhiệm vụ trọng tâm, thường xuyên, liên tục');
    expect(t15.sectionPath).toBe('IV');
    expect(t15.lead).toEqual(['Các Sở, ngành, cơ quan, đơn vị', 'Ủy ban nhân dân các huyện, thành phố']);
    expect(t15.recurrence).toBe('continuous');

    const t16 = task(r, 'Giao Công an tỉnh có trách nhiệm Thường trực');
    expect(t16.lead).toEqual(['Công an tỉnh']);
  });

  it('reporting: plan submission once, then monthly/quarterly/6-monthly/yearly/ad hoc to the standing office', () => {
    expect(r.reporting.map((x) => x.frequency)).toEqual(['once', 'monthly', 'quarterly', 'six_monthly', 'yearly', 'ad_hoc']);
    for (const x of r.reporting) {
      expect(x.recipient).toBe('Cơ quan thường trực Chương trình');
      expect(x.via).toContain('Phòng Tham mưu, Công an tỉnh');
      expect(x.due).toBeNull();
      expect(x.from).toEqual(['Các Sở, ngành, cơ quan, đơn vị', 'Ủy ban nhân dân các huyện, thành phố']);
    }
    expect(r.reporting[0]?.subject).toBe('Kế hoạch của các đơn vị, địa phương');
  });

  it('no campaigns, no deadlines', () => {
    expect(r.campaigns).toEqual([]);
    expect(r.tasks.filter((t) => t.deadline !== null)).toEqual([]);
  });

  it('recipients, archive and signer', () => {
    expect(r.recipients).toEqual([
      'Ban Chỉ đạo 138/CP Chính phủ (BCA)',
      'TT Tỉnh ủy, TT HĐND tỉnh',
      'CT, các PCT UBND tỉnh',
      'Văn phòng Tỉnh ủy, các Ban của Đảng',
      'UBMTTQ và các đoàn thể nhân dân tỉnh',
      'Các Sở, cơ quan thuộc UBND tỉnh',
      'TAND, VKSND tỉnh',
      'Công an tỉnh, Bộ CHQS tỉnh',
      'UBND các huyện, thành phố',
      'Báo, Đài PT-TH tỉnh',
      'Các thành viên TBCĐ 130 của tỉnh',
      'VP UBND tỉnh',
      'LĐVP, TKCT, KT, VX, TH, TTCB',
    ]);
    expect(r.archive).toBe('VT, NC-KSTTHC');
    expect(r.signer).toEqual({ title: 'CHỦ TỊCH', name: 'Lê Ánh Dương', authority: [], positions: ['CHỦ TỊCH'] });
  });
});

describe('seed: children in Europe 2019 (Markdown, inline "Agency: duties" sections)', () => {
  const r = parsePlan(fixture('plan-children-europe-2019.txt'));

  it('is a valid plan result', () => {
    expect(() => planImportResultSchema.parse(r)).not.toThrow();
    expect(isLikelyPlan(r)).toBe(true);
  });

  it('document: no number, no place/date — null with warnings', () => {
    expect(r.document).toMatchObject({
      kind: 'plan',
      number: null,
      symbol: null,
      place: null,
      date: null,
      issuer: 'Ủy ban nhân dân tỉnh',
      title: 'Thực hiện công tác phòng, chống trẻ em bị bóc lột và lạm dụng ở châu Âu',
    });
    expect(codes(r)).toEqual(expect.arrayContaining(['number_missing', 'date_missing', 'period_missing']));
  });

  it('legal basis: Công văn 2670/VPCP-QHQT (date written after the issuer)', () => {
    expect(r.legalBasis).toEqual([
      {
        kind: 'Công văn',
        number: '2670/VPCP-QHQT',
        date: '2019-09-20',
        issuer: 'Văn phòng Chính phủ',
        title: 'tình hình trẻ em Việt Nam bị bóc lột và lạm dụng ở châu Âu',
      },
    ]);
    // Decisions cited inside a task are references, not the legal basis.
    expect(r.references.map((x) => [x.number, x.date])).toEqual([
      ['2546/QĐ-TTg', '2015-12-31'],
      ['258/QĐ-TTg', '2019-04-02'],
    ]);
  });

  it('no period, phases, targets (the "dưới 18 tuổi" is not a target), reporting or campaigns', () => {
    expect(r.period).toEqual({ from: null, to: null, orientationTo: null });
    expect(r.phases).toEqual([]);
    expect(r.targets).toEqual([]);
    expect(r.reporting).toEqual([]);
    expect(r.campaigns).toEqual([]);
  });

  it('sections from mixed Markdown heading levels and bold', () => {
    expect(r.sections).toEqual([
      { path: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU' },
      { path: 'II', heading: 'TỔ CHỨC THỰC HIỆN' },
      { path: 'II.1', heading: 'Công an tỉnh' },
      { path: 'II.2', heading: 'Sở Ngoại vụ' },
      { path: 'II.3', heading: 'Sở Thông tin và Truyền thông' },
      { path: 'II.4', heading: 'Sở Giáo dục và Đào tạo' },
      { path: 'II.5', heading: 'Sở Lao động - Thương binh và Xã hội' },
    ]);
  });

  it('10 tasks, including the closing paragraph split per addressee', () => {
    expect(r.tasks).toHaveLength(10);
    const t1 = task(r, 'Chủ trì, phối hợp với các sở, ban, ngành, các tổ chức chính trị - xã hội tỉnh');
    expect(t1.lead).toEqual(['Công an tỉnh']);
    expect(t1.coordinating).toEqual(['các sở, ban, ngành', 'các tổ chức chính trị - xã hội tỉnh', 'UBND các huyện, thành phố']);

    const t2 = task(r, 'Triển khai thực hiện có hiệu quả công tác nắm tình hình');
    expect(t2.lead).toEqual(['Công an tỉnh']);

    // Inline "2. Sở Ngoại vụ: …", continued after a page break ("… trong\n\nviệc phối hợp …").
    const t3 = task(r, 'chủ động nắm tình hình và có biện pháp phù hợp bảo hộ công dân');
    expect(t3.section).toBe('II.2. Sở Ngoại vụ');
    expect(t3.lead).toEqual(['Sở Ngoại vụ']);
    expect(t3.text).toContain('trong việc phối hợp điều tra các vụ án');

    const t4 = task(r, 'tăng cường truyền thông về các nội dung liên quan đến mua bán người');
    expect(t4.lead).toEqual(['Sở Thông tin và Truyền thông']);

    const t5 = task(r, 'Phối hợp với các đơn vị bồi dưỡng nghiệp vụ');
    expect(t5.lead).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(t5.coordinating).toEqual(['các đơn vị']);

    const t6 = task(r, 'Xây dựng và thực hiện tốt cơ chế phối hợp giữa nhà trường');
    expect(t6.lead).toEqual(['Sở Giáo dục và Đào tạo']);

    const t7 = task(r, 'Tham mưu đề xuất chính sách phúc lợi');
    expect(t7.lead).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    expect(t7.coordinating).toEqual(['Công an tỉnh', 'Sở Ngoại vụ']);

    const t8 = task(r, 'Tổ chức các hoạt động tư vấn trực tiếp');
    expect(t8.lead).toEqual(['Sở Lao động - Thương binh và Xã hội']);

    const t9 = task(r, 'Yêu cầu các sở, ban, ngành tỉnh');
    expect(t9.sectionPath).toBe('II');
    expect(t9.lead).toEqual(['các sở, ban, ngành tỉnh', 'Chủ tịch UBND các huyện, thành phố']);

    const t10 = task(r, 'Giao Công an tỉnh theo dõi, kiểm tra, đôn đốc');
    expect(t10.sectionPath).toBe('II');
    expect(t10.lead).toEqual(['Công an tỉnh']);
  });

  it('recipients, archive, signer; the stray "Vuong" line is reported, not taken as the signer', () => {
    expect(r.recipients).toEqual([
      'Thường trực Tỉnh ủy',
      'CT, các PCT UBND tỉnh',
      'Các sở, ban, ngành tỉnh',
      'UBND các huyện, thành phố',
      'CVP, các PVP Nhung, Long',
    ]);
    expect(r.archive).toBe('VT. VP UBND tỉnh');
    expect(r.signer).toEqual({ title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Chiến', authority: ['KT. CHỦ TỊCH'], positions: ['PHÓ CHỦ TỊCH'] });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'unrecognised_line', excerpt: 'Vuong' }));
  });
});

describe('seed: Hải Phòng 2016–2020 (Markdown, subject-first bullets, sub-bullets)', () => {
  const r = parsePlan(fixture('plan-hai-phong-2016-2020.txt'));

  it('is a valid plan result', () => {
    expect(() => planImportResultSchema.parse(r)).not.toThrow();
    expect(isLikelyPlan(r)).toBe(true);
  });

  it('document metadata', () => {
    expect(r.document).toEqual({
      number: null,
      symbol: null,
      issuer: 'Ban chỉ đạo 799 thành phố Hải Phòng',
      place: 'Hải Phòng',
      date: '2016-02-19',
      dateText: 'Hải Phòng, ngày 19 tháng 02 năm 2016',
      title: 'Triển khai thực hiện Chương trình phòng, chống mua bán người giai đoạn 2016 - 2020 trên địa bàn thành phố Hải Phòng',
      kind: 'plan',
    });
    expect(codes(r)).toContain('number_missing');
  });

  it('flags the foreign (Chinese) characters pasted into III.1', () => {
    const w = r.warnings.find((x) => x.code === 'foreign_script');
    expect(w?.excerpt).toContain('抓紧时间');
  });

  it('legal basis and references', () => {
    expect(r.legalBasis).toEqual([
      {
        kind: 'Kế hoạch',
        number: '15/KH-BCĐ',
        date: '2016-01-19',
        issuer: 'Ban chỉ đạo 138 Chính phủ',
        title: 'triển khai thực hiện Chương trình phòng, chống mua bán người giai đoạn 2016 - 2020',
      },
    ]);
    expect(r.references).toEqual([
      { kind: 'Quyết định', number: '2546/QĐ-TTg', date: '2015-12-31', issuer: 'Thủ tướng Chính phủ', title: null },
    ]);
  });

  it('period 2016–2020; no targets, phases or campaigns', () => {
    expect(r.period).toEqual({ from: '2016-01-01', to: '2020-12-31', orientationTo: null });
    expect(r.targets).toEqual([]);
    expect(r.phases).toEqual([]);
    expect(r.campaigns).toEqual([]);
  });

  it('sections', () => {
    expect(r.sections.map((s) => s.path)).toEqual(['I', 'II', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7', 'II.8', 'III']);
    expect(r.sections.find((s) => s.path === 'II.6')?.heading).toBe('Hợp tác quốc tế');
  });

  it('28 tasks; "+" sub-bullets inherit the lead of their intro', () => {
    expect(r.tasks).toHaveLength(28);
    const lhpn = r.tasks.filter((t) => t.context?.startsWith('Hội Liên hiệp phụ nữ thành phố triển khai'));
    expect(lhpn).toHaveLength(3);
    for (const t of lhpn) expect(t.lead).toEqual(['Hội Liên hiệp phụ nữ thành phố']);
  });

  it('sample tasks', () => {
    const t1 = task(r, 'Công an thành phố (Cơ quan thường trực Ban Chỉ đạo) làm tốt');
    expect(t1.lead).toEqual(['Công an thành phố']);

    const t2 = task(r, 'Duy trì giao ban định kỳ 6 tháng');
    expect(t2.lead).toEqual([]);
    expect(t2.recurrence).toBe('six_monthly');

    const t3 = task(r, 'Sở Thông tin và Truyền thông chủ trì phối hợp');
    expect(t3.section).toBe('II.2. Công tác truyền thông phòng, chống mua bán người');
    expect(t3.lead).toEqual(['Sở Thông tin và Truyền thông']);
    expect(t3.coordinating).toEqual(['các sở, ban, ngành liên quan', 'Ủy ban nhân dân các quận, huyện', 'Sở Văn hóa, Thể thao và Du lịch']);

    const t4 = task(r, 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố chủ trì');
    expect(t4.lead).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam thành phố']);
    expect(t4.coordinating).toEqual(['các sở, ban, ngành có liên quan']);

    const t5 = task(r, 'Công an thành phố phối hợp với Bộ chỉ huy Bộ đội Biên phòng');
    expect(t5.lead).toEqual(['Công an thành phố']);
    expect(t5.coordinating).toEqual(['Bộ chỉ huy Bộ đội Biên phòng thành phố']);

    const t6 = task(r, 'Các cơ quan tiến hành tố tụng phối hợp chặt chẽ');
    expect(t6.lead).toEqual(['Các cơ quan tiến hành tố tụng']);

    const t7 = task(r, 'Sở Lao động Thương binh và Xã hội chủ trì');
    expect(t7.sectionPath).toBe('II.4');
    expect(t7.lead).toEqual(['Sở Lao động Thương binh và Xã hội']);
    expect(t7.coordinating).toEqual(['các sở, ban, ngành có liên quan']);

    const t8 = task(r, 'Viện kiểm sát nhân dân thành phố phối hợp với Sở Tư pháp');
    expect(t8.lead).toEqual(['Viện kiểm sát nhân dân thành phố']);
    expect(t8.coordinating).toEqual(['Sở Tư pháp', 'các sở, ban, ngành có liên quan']);

    const t9 = task(r, 'Sở Tài chính, Sở Kế hoạch và Đầu tư hướng dẫn');
    expect(t9.lead).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư']);

    const t10 = task(r, 'Các Sở, ban, ngành thành viên và các địa phương trong quá trình');
    expect(t10.lead).toEqual(['Các Sở, ban, ngành thành viên', 'các địa phương']);
    expect(t10.requested).toEqual(['Ban Chỉ đạo 138/CP', 'Cục Đối ngoại Bộ Công an']);

    const t11 = task(r, 'Công an thành phố có trách nhiệm giúp Ban Chỉ đạo');
    expect(t11.sectionPath).toBe('III');
    expect(t11.lead).toEqual(['Công an thành phố']);
  });

  it('reporting: ad hoc on foreign-related problems; quarterly/6-monthly/yearly/ad hoc to BCĐ 799', () => {
    expect(r.reporting.map((x) => x.frequency)).toEqual(['ad_hoc', 'quarterly', 'six_monthly', 'yearly', 'ad_hoc']);
    expect(r.reporting.map((x) => x.recipient)).toEqual(['Ban chỉ đạo 799 thành phố', ...Array(4).fill('Ban Chỉ đạo 799 thành phố')]);
    const periodic = r.reporting.slice(1);
    for (const x of periodic) {
      expect(x.subject).toBe('tình hình, kết quả thực hiện Chương trình 130/CP');
      expect(x.from).toEqual(['Các Sở, ban, ngành thành viên']);
      expect(x.via).toContain('Phòng Cảnh sát Hình sự Công an thành phố');
    }
  });

  it('recipients (wrapped entry joined), archive and a two-position signer', () => {
    expect(r.recipients).toEqual([
      'Ban Chỉ đạo 138/CP',
      'V11, V12, V19, V28 BCA',
      'Cục Tham mưu, Tổng cục Cảnh sát',
      'TTTU, TT HĐND TP',
      'CT, PCT Lê Khắc Nam, Trưởng Ban Chỉ đạo 799/TP',
      'Các Sở, ban, ngành thành viên BCĐ 799/TP',
      'UBND các quận, huyện',
      'CVP, PCVP UBND TP',
      'CV: NC4, YT, LĐ',
    ]);
    expect(r.archive).toBe('VT');
    expect(r.signer).toEqual({
      title: 'TRƯỞNG BAN CHỈ ĐẠO',
      name: 'Lê Khắc Nam',
      authority: [],
      positions: ['TRƯỞNG BAN CHỈ ĐẠO', 'PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN THÀNH PHỐ'],
    });
  });
});

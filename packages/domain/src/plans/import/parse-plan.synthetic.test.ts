import { describe, expect, it } from 'vitest';
import { isLikelyPlan, parsePlan, planImportResultSchema } from './index.ts';
import type { PlanImportResult, PlanTask } from './index.ts';

// Synthetic documents in layouts the seeds do not cover. Each is small enough to check by eye.

function task(r: PlanImportResult, fragment: string): PlanTask {
  const found = r.tasks.filter((t) => t.text.includes(fragment));
  expect(found, `exactly one task containing "${fragment}"`).toHaveLength(1);
  return found[0] as PlanTask;
}

/** Full administrative layout, plain text: header block, "Căn cứ", targets, content/assignment blocks, attribute lines, phases, reporting with due dates. */
const LANG_SON = `ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 128/KH-UBND
Lạng Sơn, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Phòng, chống mua bán người năm 2024

Căn cứ Luật Phòng, chống mua bán người ngày 29 tháng 3 năm 2011;
Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo của cơ quan hành chính nhà nước;
Thực hiện Kế hoạch số 45/KH-BCĐ ngày 10/01/2024 của Ban Chỉ đạo 138/CP về phòng, chống mua bán người năm 2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU
1. Chỉ tiêu
- Phấn đấu 95% số vụ án mua bán người được phát hiện, điều tra, khám phá.
- Tổ chức ít nhất 02 lớp tập huấn cho cán bộ cơ sở; tỷ lệ xã có mô hình phòng ngừa đạt tối thiểu 80%.
- Số vụ mua bán người giảm không dưới 10% so với năm 2023.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tuyên truyền, phổ biến pháp luật
a) Nội dung
- Tổ chức các hoạt động hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7.
- Phát hành tờ rơi, pano tại các xã biên giới.
b) Phân công thực hiện
Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Đài Phát thanh và Truyền hình tỉnh thực hiện. Thời gian: hoàn thành trong tháng 8/2024.
2. Đấu tranh phòng, chống tội phạm
- Mở đợt cao điểm tấn công, trấn áp tội phạm mua bán người từ ngày 01/7/2024 đến 30/9/2024 (Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh thực hiện).
- Rà soát, lập danh sách đối tượng có nguy cơ; báo cáo kết quả về Công an tỉnh trước ngày 15/8/2024.
3. Xây dựng cơ sở dữ liệu
- Cơ quan chủ trì: Công an tỉnh
- Cơ quan phối hợp: Sở Tư pháp, Sở Y tế
- Thời gian thực hiện: Quý III/2024
III. LỘ TRÌNH THỰC HIỆN
- Giai đoạn 1 (từ 01/3/2024 đến 30/6/2024): triển khai, quán triệt.
- Giai đoạn 2 (từ 01/7/2024 đến 31/12/2024): tổ chức thực hiện, sơ kết.
IV. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, UBND các huyện, thành phố căn cứ Kế hoạch này xây dựng kế hoạch thực hiện, gửi về Công an tỉnh trước ngày 31/3/2024.
2. Chế độ báo cáo: các cơ quan, đơn vị báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Công an tỉnh (Cơ quan Thường trực Ban Chỉ đạo 138).
3. Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh đẩy nhanh tiến độ truy tố, xét xử các vụ án mua bán người; tổ chức xét xử lưu động hằng quý./.

Nơi nhận:
- Ban Chỉ đạo 138/CP;
- TT Tỉnh ủy;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Nguyễn Văn Minh
`;

describe('synthetic: full administrative layout (Lạng Sơn 2024)', () => {
  const r = parsePlan(LANG_SON);

  it('is schema-valid and a plan', () => {
    expect(() => planImportResultSchema.parse(r)).not.toThrow();
    expect(isLikelyPlan(r)).toBe(true);
  });

  it('header: issuer block over two lines, number, symbol, place, date', () => {
    expect(r.document).toEqual({
      number: '128',
      symbol: 'KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      place: 'Lạng Sơn',
      date: '2024-03-05',
      dateText: 'Lạng Sơn, ngày 05 tháng 3 năm 2024',
      title: 'Phòng, chống mua bán người năm 2024',
      kind: 'plan',
    });
  });

  it('legal basis: a law by name, a decree, a higher plan', () => {
    expect(r.legalBasis).toEqual([
      { kind: 'Luật', number: null, date: '2011-03-29', issuer: null, title: 'Phòng, chống mua bán người' },
      {
        kind: 'Nghị định',
        number: '09/2019/NĐ-CP',
        date: '2019-01-24',
        issuer: 'Chính phủ',
        title: 'quy định chế độ báo cáo của cơ quan hành chính nhà nước',
      },
      {
        kind: 'Kế hoạch',
        number: '45/KH-BCĐ',
        date: '2024-01-10',
        issuer: 'Ban Chỉ đạo 138/CP',
        title: 'phòng, chống mua bán người năm 2024',
      },
    ]);
  });

  it('single-year period and dated phases', () => {
    expect(r.period).toEqual({ from: '2024-01-01', to: '2024-12-31', orientationTo: null });
    expect(r.phases).toEqual([
      { label: 'Giai đoạn 1', from: '2024-03-01', to: '2024-06-30' },
      { label: 'Giai đoạn 2', from: '2024-07-01', to: '2024-12-31' },
    ]);
  });

  it('targets with "phấn đấu", "ít nhất", "tối thiểu", "giảm không dưới"', () => {
    expect(r.targets.map((t) => [t.comparator, t.value, t.unit, t.direction, t.noun])).toEqual([
      ['>=', 95, '%', null, null],
      ['>=', 2, 'count', null, 'lớp tập huấn'],
      ['>=', 80, '%', null, null],
      ['>=', 10, '%', 'decrease', null],
    ]);
    expect(r.targets.every((t) => t.section === 'I.1')).toBe(true);
  });

  it('8 tasks; the phase lines are not tasks', () => {
    expect(r.tasks).toHaveLength(8);
    expect(r.tasks.some((t) => t.sectionPath.startsWith('III'))).toBe(false);
  });

  it('"a) Nội dung" takes lead, partners and deadline from "b) Phân công thực hiện"', () => {
    for (const frag of ['Tổ chức các hoạt động hưởng ứng', 'Phát hành tờ rơi']) {
      const t = task(r, frag);
      expect(t.sectionPath).toBe('II.1.a');
      expect(t.lead).toEqual(['Sở Thông tin và Truyền thông']);
      expect(t.coordinating).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Đài Phát thanh và Truyền hình tỉnh']);
      expect(t.deadline).toBe('2024-08-31');
    }
    expect(r.tasks.some((t) => t.sectionPath === 'II.1.b')).toBe(false);
  });

  it('campaign window and parenthesised assignment', () => {
    const t = task(r, 'Mở đợt cao điểm');
    expect(t.campaign).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(t.lead).toEqual(['Công an tỉnh']);
    expect(t.coordinating).toEqual(['Bộ Chỉ huy Bộ đội Biên phòng tỉnh']);
    expect(r.campaigns).toEqual([{ from: '2024-07-01', to: '2024-09-30', text: t.text }]);
  });

  it('deadline "trước ngày 15/8/2024"', () => {
    const t = task(r, 'Rà soát, lập danh sách đối tượng');
    expect(t.deadline).toBe('2024-08-15');
    expect(t.deadlineText).toBe('trước ngày 15/8/2024');
    expect(t.lead).toEqual([]);
  });

  it('attribute lines under a heading make the heading a task', () => {
    const t = task(r, 'Xây dựng cơ sở dữ liệu');
    expect(t.lead).toEqual(['Công an tỉnh']);
    expect(t.coordinating).toEqual(['Sở Tư pháp', 'Sở Y tế']);
    expect(t.deadline).toBe('2024-09-30');
  });

  it('implementation: plan submission deadline, requested bodies, quarterly recurrence', () => {
    const t1 = task(r, 'căn cứ Kế hoạch này xây dựng kế hoạch thực hiện');
    expect(t1.lead).toEqual(['Các sở, ban, ngành', 'UBND các huyện, thành phố']);
    expect(t1.deadline).toBe('2024-03-31');
    const t3 = task(r, 'Đề nghị Viện Kiểm sát nhân dân tỉnh');
    expect(t3.requested).toEqual(['Viện Kiểm sát nhân dân tỉnh', 'Tòa án nhân dân tỉnh']);
    expect(t3.lead).toEqual([]);
    expect(t3.recurrence).toBe('quarterly');
  });

  it('reporting: one-off result report, plan submission, 6-monthly and yearly rules', () => {
    expect(r.reporting).toEqual([
      {
        frequency: 'once',
        from: [],
        recipient: 'Công an tỉnh',
        via: null,
        due: '2024-08-15',
        dueText: 'trước ngày 15/8/2024',
        subject: 'kết quả',
      },
      {
        frequency: 'once',
        from: ['Các sở, ban, ngành', 'UBND các huyện, thành phố'],
        recipient: 'Công an tỉnh',
        via: null,
        due: '2024-03-31',
        dueText: 'trước ngày 31/3/2024',
        subject: 'kế hoạch thực hiện',
      },
      {
        frequency: 'six_monthly',
        from: ['các cơ quan, đơn vị'],
        recipient: 'Công an tỉnh',
        via: 'Cơ quan Thường trực Ban Chỉ đạo 138',
        due: null,
        dueText: 'trước ngày 15/6',
        subject: null,
      },
      {
        frequency: 'yearly',
        from: ['các cơ quan, đơn vị'],
        recipient: 'Công an tỉnh',
        via: 'Cơ quan Thường trực Ban Chỉ đạo 138',
        due: null,
        dueText: 'trước ngày 15/12',
        subject: null,
      },
    ]);
  });

  it('recipients, archive and a TM./KT. signer', () => {
    expect(r.recipients).toEqual(['Ban Chỉ đạo 138/CP', 'TT Tỉnh ủy']);
    expect(r.archive).toBe('VT, NC');
    expect(r.signer).toEqual({
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn Minh',
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      positions: ['PHÓ CHỦ TỊCH'],
    });
  });

  it('gives the same result for Windows line endings and NFD-decomposed text', () => {
    const variant = parsePlan(LANG_SON.normalize('NFD').replace(/\n/g, '\r\n'));
    expect(variant).toEqual(r);
  });
});

/** Markdown with "## II. NHIỆM VỤ", agency-headed "###" sections, "•" bullets, phases in the objectives. */
const MARKDOWN = `**ỦY BAN NHÂN DÂN HUYỆN MƯỜNG LÁT**

Số: 12/KH-UBND

Mường Lát, ngày 14 tháng 01 năm 2022

# KẾ HOẠCH

## Thực hiện Chương trình phòng, chống mua bán người giai đoạn 2022 - 2025

Thực hiện Kế hoạch số 150/KH-UBND ngày 30/6/2021 của UBND tỉnh Thanh Hóa về thực hiện Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025, UBND huyện xây dựng Kế hoạch như sau:

## I. MỤC TIÊU

- Giai đoạn 1 (2022-2023): tập trung truyền thông, phấn đấu 100% xã, thị trấn có tổ tư vấn cộng đồng.
- Giai đoạn 2 (2024-2025): không dưới 90% nạn nhân trở về được hỗ trợ.

## II. NHIỆM VỤ

### 1. Công an huyện

• Chủ trì, phối hợp với Phòng Lao động - Thương binh và Xã hội, UBND các xã, thị trấn rà soát người di cư trái phép; hoàn thành trước tháng 6/2022.
• Tổ chức tập huấn nghiệp vụ cho công an xã. Thời gian: năm 2022.

### 2. Phòng Văn hóa và Thông tin

• Định kỳ hằng quý xây dựng chuyên mục trên Đài Truyền thanh huyện; hoàn thành trong quý II/2022 chuyên mục đầu tiên.

### 3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện

• Vận động nhân dân tố giác tội phạm; phối hợp với Hội Liên hiệp Phụ nữ huyện xây dựng mô hình hỗ trợ nạn nhân hằng năm.

## III. TỔ CHỨC THỰC HIỆN

Các cơ quan, đơn vị báo cáo kết quả thực hiện hằng năm (trước ngày 10/12) về Công an huyện để tổng hợp./.

**Nơi nhận:**
- UBND tỉnh (b/c);
- Lưu: VT.

**CHỦ TỊCH**

**Hà Văn Ban**
`;

describe('synthetic: Markdown, agency-headed sections, "•" bullets, CRLF', () => {
  const r = parsePlan(MARKDOWN.replace(/\n/g, '\r\n'));

  it('document', () => {
    expect(r.document).toMatchObject({
      number: '12',
      symbol: 'KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN HUYỆN MƯỜNG LÁT',
      place: 'Mường Lát',
      date: '2022-01-14',
      title: 'Thực hiện Chương trình phòng, chống mua bán người giai đoạn 2022 - 2025',
      kind: 'plan',
    });
    expect(r.legalBasis).toEqual([
      {
        kind: 'Kế hoạch',
        number: '150/KH-UBND',
        date: '2021-06-30',
        issuer: 'UBND tỉnh Thanh Hóa',
        title: 'thực hiện Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025',
      },
    ]);
  });

  it('period from the title, not from the cited plan', () => {
    expect(r.period).toEqual({ from: '2022-01-01', to: '2025-12-31', orientationTo: null });
  });

  it('phases and targets in the objectives', () => {
    expect(r.phases).toEqual([
      { label: 'Giai đoạn 1', from: '2022-01-01', to: '2023-12-31' },
      { label: 'Giai đoạn 2', from: '2024-01-01', to: '2025-12-31' },
    ]);
    expect(r.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ['>=', 100, '%'],
      ['>=', 90, '%'],
    ]);
  });

  it('tasks with section agencies, deadlines and recurrences', () => {
    expect(r.sections.map((s) => s.path)).toEqual(['I', 'II', 'II.1', 'II.2', 'II.3', 'III']);
    expect(r.tasks).toHaveLength(5);
    const t1 = task(r, 'rà soát người di cư trái phép');
    expect(t1.lead).toEqual(['Công an huyện']);
    expect(t1.coordinating).toEqual(['Phòng Lao động - Thương binh và Xã hội', 'UBND các xã, thị trấn']);
    expect(t1.deadline).toBe('2022-05-31');
    const t2 = task(r, 'Tổ chức tập huấn nghiệp vụ');
    expect(t2.deadline).toBe('2022-12-31');
    expect(t2.deadlineText).toBe('Thời gian: năm 2022');
    const t3 = task(r, 'Định kỳ hằng quý');
    expect(t3.lead).toEqual(['Phòng Văn hóa và Thông tin']);
    expect(t3.recurrence).toBe('quarterly');
    expect(t3.deadline).toBe('2022-06-30');
    const t4 = task(r, 'Vận động nhân dân tố giác');
    expect(t4.requested).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam huyện']);
    expect(t4.coordinating).toEqual(['Hội Liên hiệp Phụ nữ huyện']);
    expect(t4.recurrence).toBe('yearly');
  });

  it('reporting, recipients and signer', () => {
    expect(r.reporting).toEqual([
      {
        frequency: 'yearly',
        from: ['Các cơ quan, đơn vị'],
        recipient: 'Công an huyện',
        via: null,
        due: null,
        dueText: 'trước ngày 10/12',
        subject: 'kết quả thực hiện',
      },
    ]);
    expect(r.recipients).toEqual(['UBND tỉnh (b/c)']);
    expect(r.signer.name).toBe('Hà Văn Ban');
    expect(r.signer.title).toBe('CHỦ TỊCH');
  });
});

/** Flat numbered plan (no Roman parts), inline "a) Agency: duty" items, no administrative frame. */
const FLAT = `Kế hoạch phối hợp phòng, chống mua bán người trên tuyến biên giới năm 2023

1. Mục đích, yêu cầu
Bảo đảm phối hợp chặt chẽ giữa các lực lượng.
2. Nhiệm vụ cụ thể
a) Đồn Biên phòng: tuần tra, kiểm soát đường mòn, lối mở; thời gian từ ngày 01/5/2023 đến ngày 31/5/2023.
b) Công an xã: nắm tình hình các hộ có người đi làm ăn xa, báo cáo kịp thời về Công an huyện khi phát hiện dấu hiệu mua bán người.
c) Giao Trạm Y tế xã hỗ trợ khám sức khỏe cho nạn nhân.
3. Tổ chức thực hiện
Giao Công an xã theo dõi, đôn đốc thực hiện Kế hoạch.`;

describe('synthetic: flat numbered plan without Roman parts or header', () => {
  const r = parsePlan(FLAT);

  it('half-recognised: tasks found, missing frame reported', () => {
    expect(r.document.kind).toBe('unknown');
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['kind_missing', 'number_missing', 'date_missing', 'signer_missing', 'recipients_missing']),
    );
    expect(isLikelyPlan(r)).toBe(true);
  });

  it('tasks', () => {
    expect(r.sections.map((s) => s.path)).toEqual(['1', '2', '2.a', '2.b', '3']);
    expect(r.tasks).toHaveLength(4);
    const t1 = task(r, 'tuần tra, kiểm soát đường mòn');
    expect(t1.lead).toEqual(['Đồn Biên phòng']);
    expect(t1.campaign).toEqual({ from: '2023-05-01', to: '2023-05-31' });
    const t2 = task(r, 'nắm tình hình các hộ');
    expect(t2.lead).toEqual(['Công an xã']);
    const t3 = task(r, 'Giao Trạm Y tế xã');
    expect(t3.lead).toEqual(['Trạm Y tế xã']);
    expect(task(r, 'theo dõi, đôn đốc').lead).toEqual(['Công an xã']);
    expect(r.reporting).toEqual([expect.objectContaining({ frequency: 'ad_hoc', recipient: 'Công an huyện', from: ['Công an xã'] })]);
  });
});

describe('not a plan', () => {
  it('a news article is flagged not_a_plan with no tasks', () => {
    const r = parsePlan(
      'Sáng nay, trời Hà Nội nắng đẹp. Nhiều người dân đi dạo quanh hồ Hoàn Kiếm.\n\nGiá vàng tăng 2% so với tuần trước, theo các chuyên gia.',
    );
    expect(r.tasks).toEqual([]);
    expect(isLikelyPlan(r)).toBe(false);
    expect(r.warnings.map((w) => w.code)).toContain('not_a_plan');
  });

  it('a report is not a plan even with numbered sections', () => {
    const r = parsePlan('BÁO CÁO\nKết quả công tác tháng 5\n\n1. Tình hình\nỔn định.\n2. Kết quả\nĐã tiếp nhận 3 nạn nhân.');
    expect(r.document.kind).toBe('report');
    expect(isLikelyPlan(r)).toBe(false);
    expect(r.warnings.map((w) => w.code)).toContain('not_a_plan');
  });

  it('empty string gives warnings and zero tasks', () => {
    const r = parsePlan('');
    expect(r.tasks).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['empty_input', 'not_a_plan']);
    expect(() => planImportResultSchema.parse(r)).not.toThrow();
  });
});

/**
 * The default programme report (ADR 0003): the periodic report on the results of preventing and
 * combating human trafficking that sở, ngành, xã and the provincial standing office send under
 * the programme. It ships as data and is seeded as `programme_report` version 1; later versions
 * are made with the form builder.
 */
import type { ReportTable, ReportTemplateDefinition } from './template-schema.ts';

export const DEFAULT_TEMPLATE_CODE = 'programme_report';
export const DEFAULT_TEMPLATE_NAME = 'Báo cáo kết quả công tác phòng, chống mua bán người';

type Line = readonly [key: string, label: string];
const lines = (items: readonly Line[]) => items.map(([key, label]) => ({ key, label }));

const TOTAL: Line = ['total', 'Tổng số'];
const BY_SEX: readonly Line[] = [TOTAL, ['female', 'Nữ'], ['male', 'Nam']];
const SEX_GROUP = { total: 'total', parts: ['female', 'male'], complete: true };

function table(
  fields: Pick<ReportTable, 'key' | 'title' | 'unit' | 'prefill'> & {
    rows: readonly Line[];
    columns: readonly Line[];
  } & Partial<Pick<ReportTable, 'columnGroups' | 'rowGroups' | 'rowLimits'>>,
): ReportTable {
  return {
    key: fields.key,
    title: fields.title,
    unit: fields.unit,
    prefill: fields.prefill,
    rows: lines(fields.rows),
    columns: lines(fields.columns),
    columnGroups: fields.columnGroups ?? [],
    rowGroups: fields.rowGroups ?? [],
    rowLimits: fields.rowLimits ?? [],
  };
}

/** A breakdown table whose first row is the total of all the others (which together are complete). */
function breakdown(rows: readonly Line[]) {
  return {
    rows: [TOTAL, ...rows],
    rowGroups: [{ total: 'total', parts: rows.map(([key]) => key), complete: true }],
  };
}

const TABLES: ReportTable[] = [
  table({
    key: 'tipoffs',
    title: 'Tin báo, tố giác về tội phạm mua bán người',
    unit: 'tin',
    prefill: 'tipoffs',
    rows: [
      ['received', 'Số tin báo, tố giác tiếp nhận'],
      ['classified', 'Số tin đã phân loại, chuyển cơ quan có thẩm quyền'],
      ['resolved', 'Số tin đã giải quyết xong'],
    ],
    columns: [TOTAL],
    rowLimits: [
      { row: 'classified', notAbove: 'received' },
      { row: 'resolved', notAbove: 'received' },
    ],
  }),
  table({
    key: 'criminal_cases',
    title: 'Kết quả điều tra, truy tố, xét xử các vụ án mua bán người',
    unit: null,
    prefill: 'cases',
    rows: [
      ['initiated', 'Khởi tố'],
      ['solved', 'Điều tra làm rõ'],
      ['prosecuted', 'Truy tố'],
      ['tried', 'Xét xử sơ thẩm'],
    ],
    columns: [
      ['cases', 'Số vụ'],
      ['persons', 'Số đối tượng (bị can, bị cáo)'],
    ],
  }),
  table({
    key: 'offenders',
    title: 'Đối tượng phạm tội mua bán người',
    unit: 'người',
    prefill: null,
    rows: [
      ['suspects', 'Đối tượng bị bắt, xử lý'],
      ['defendants_prosecuted', 'Bị can bị truy tố'],
      ['defendants_tried', 'Bị cáo bị đưa ra xét xử'],
    ],
    columns: BY_SEX,
    columnGroups: [SEX_GROUP],
  }),
  table({
    key: 'victims_received',
    title: 'Nạn nhân được tiếp nhận, xác định',
    unit: 'người',
    prefill: 'victims',
    rows: [
      ['received', 'Được tiếp nhận'],
      ['identified', 'Được xác định là nạn nhân'],
    ],
    columns: [
      ...BY_SEX,
      ['age_under_16', 'Dưới 16 tuổi'],
      ['age_16_17', 'Từ đủ 16 đến dưới 18 tuổi'],
      ['age_18_plus', 'Từ đủ 18 tuổi trở lên'],
    ],
    columnGroups: [SEX_GROUP, { total: 'total', parts: ['age_under_16', 'age_16_17', 'age_18_plus'], complete: true }],
    rowLimits: [{ row: 'identified', notAbove: 'received' }],
  }),
  table({
    key: 'victims_by_exploitation',
    title: 'Nạn nhân theo mục đích bị mua bán, bóc lột',
    unit: 'người',
    prefill: 'victims',
    ...breakdown([
      ['sexual_exploitation', 'Bóc lột tình dục'],
      ['forced_labour', 'Cưỡng bức lao động'],
      ['forced_marriage', 'Cưỡng ép kết hôn, làm vợ'],
      ['organ_removal', 'Lấy bộ phận cơ thể người'],
      ['child_sale', 'Bán trẻ em, cho nhận con nuôi trái phép'],
      ['surrogacy', 'Mang thai hộ vì mục đích thương mại'],
      ['other', 'Mục đích khác'],
    ]),
    columns: BY_SEX,
    columnGroups: [SEX_GROUP],
  }),
  table({
    key: 'victims_by_destination',
    title: 'Nạn nhân theo nơi bị mua bán đến',
    unit: 'người',
    prefill: 'victims',
    ...breakdown([
      ['china', 'Trung Quốc'],
      ['cambodia', 'Campuchia'],
      ['laos', 'Lào'],
      ['thailand', 'Thái Lan'],
      ['myanmar', 'Myanmar'],
      ['malaysia', 'Malaysia'],
      ['other_countries', 'Quốc gia khác'],
      ['domestic', 'Trong nước'],
    ]),
    columns: [TOTAL],
  }),
  table({
    key: 'victims_by_return',
    title: 'Nạn nhân theo hình thức trở về',
    unit: 'người',
    prefill: 'victims',
    ...breakdown([
      ['self_returned', 'Tự trở về'],
      ['rescued', 'Được giải cứu'],
      ['handed_over', 'Được phía nước ngoài trao trả'],
      ['via_mission', 'Qua cơ quan đại diện Việt Nam ở nước ngoài'],
      ['other', 'Gia đình trình báo và trường hợp khác'],
    ]),
    columns: [TOTAL],
  }),
  table({
    key: 'victims_supported',
    title: 'Hỗ trợ nạn nhân theo chế độ',
    unit: 'lượt người',
    prefill: 'victims',
    rows: [
      ['essential_needs', 'Hỗ trợ nhu cầu thiết yếu (ăn, ở, quần áo, vật dụng cá nhân)'],
      ['travel', 'Hỗ trợ chi phí đi lại'],
      ['medical', 'Hỗ trợ y tế'],
      ['psychological', 'Hỗ trợ tâm lý'],
      ['legal_aid', 'Trợ giúp pháp lý'],
      ['schooling', 'Hỗ trợ học văn hóa'],
      ['vocational', 'Hỗ trợ học nghề, tư vấn việc làm'],
      ['hardship_allowance', 'Trợ cấp khó khăn ban đầu'],
      ['loans', 'Hỗ trợ vay vốn'],
    ],
    columns: [['persons', 'Số lượt người được hỗ trợ']],
  }),
  table({
    key: 'communication',
    title: 'Kết quả truyền thông, giáo dục',
    unit: null,
    prefill: 'prevention',
    rows: [
      ['sessions', 'Số buổi tuyên truyền, truyền thông (buổi)'],
      ['participants', 'Số người tham dự (lượt người)'],
      ['media_items', 'Tin, bài, phóng sự trên phương tiện thông tin đại chúng (tin, bài)'],
    ],
    columns: [TOTAL],
  }),
  table({
    key: 'training',
    title: 'Đào tạo, tập huấn, bồi dưỡng nghiệp vụ',
    unit: null,
    prefill: 'prevention',
    rows: [
      ['courses', 'Số lớp đào tạo, tập huấn (lớp)'],
      ['participants', 'Số người tham gia (lượt người)'],
    ],
    columns: [TOTAL],
  }),
  table({
    key: 'inspections',
    title: 'Kiểm tra, giám sát',
    unit: null,
    prefill: null,
    rows: [
      ['inspections', 'Số cuộc kiểm tra, giám sát (cuộc)'],
      ['units_inspected', 'Số cơ quan, đơn vị, địa phương được kiểm tra (đơn vị)'],
    ],
    columns: [TOTAL],
  }),
];

export const DEFAULT_TEMPLATE_DEFINITION: ReportTemplateDefinition = {
  sections: [
    {
      key: 'direction',
      title: 'I. Công tác chỉ đạo, điều hành',
      guidance:
        'Nêu các văn bản chỉ đạo, kế hoạch đã ban hành trong kỳ; việc kiện toàn Ban Chỉ đạo, phân công cơ quan thường trực; ' +
        'công tác phối hợp giữa các cơ quan, đơn vị.',
      tables: [],
    },
    {
      key: 'communication',
      title: 'II. Công tác truyền thông, giáo dục phòng ngừa',
      guidance:
        'Nêu hình thức, nội dung, đối tượng và địa bàn truyền thông (ưu tiên vùng sâu, vùng xa, biên giới, người lao động đi làm việc ở nước ngoài); ' +
        'các mô hình phòng ngừa tại cộng đồng.',
      tables: ['communication'],
    },
    {
      key: 'crime_combat',
      title: 'III. Công tác đấu tranh, phòng ngừa tội phạm mua bán người',
      guidance:
        'Nêu tình hình, phương thức, thủ đoạn mới của tội phạm; kết quả tiếp nhận, giải quyết tin báo, tố giác; ' +
        'kết quả khởi tố, điều tra; các chuyên đề, đợt cao điểm đã triển khai.',
      tables: ['tipoffs', 'criminal_cases'],
    },
    {
      key: 'prosecution',
      title: 'IV. Công tác truy tố, xét xử',
      guidance: 'Nêu kết quả thực hành quyền công tố, kiểm sát điều tra, truy tố và xét xử; các vụ án điểm, mức hình phạt đã tuyên.',
      tables: ['offenders'],
    },
    {
      key: 'victim_protection',
      title: 'V. Công tác tiếp nhận, xác minh, xác định, bảo vệ và hỗ trợ nạn nhân',
      guidance:
        'Nêu kết quả tiếp nhận, xác minh, xác định nạn nhân; bảo vệ an toàn, giữ bí mật thông tin; ' +
        'các chế độ hỗ trợ đã thực hiện và kết quả tái hòa nhập cộng đồng.',
      tables: ['victims_received', 'victims_by_exploitation', 'victims_by_destination', 'victims_by_return', 'victims_supported'],
    },
    {
      key: 'law_policy',
      title: 'VI. Công tác xây dựng, hoàn thiện pháp luật, chính sách',
      guidance: 'Nêu các văn bản quy phạm pháp luật, chính sách đã xây dựng, sửa đổi, bổ sung hoặc đề xuất trong kỳ.',
      tables: [],
    },
    {
      key: 'international',
      title: 'VII. Công tác hợp tác quốc tế',
      guidance: 'Nêu hoạt động hợp tác song phương, đa phương; phối hợp xác minh, giải cứu, tiếp nhận nạn nhân với các nước.',
      tables: [],
    },
    {
      key: 'capacity',
      title: 'VIII. Công tác đào tạo, bồi dưỡng, kiểm tra, giám sát',
      guidance: 'Nêu kết quả đào tạo, tập huấn nâng cao năng lực cho đội ngũ cán bộ; kết quả kiểm tra, giám sát việc thực hiện.',
      tables: ['training', 'inspections'],
    },
    {
      key: 'difficulties',
      title: 'IX. Khó khăn, vướng mắc và nguyên nhân',
      guidance: 'Nêu cụ thể khó khăn, vướng mắc trong thực hiện và nguyên nhân (khách quan, chủ quan).',
      tables: [],
    },
    {
      key: 'proposals',
      title: 'X. Đề xuất, kiến nghị',
      guidance: 'Nêu đề xuất, kiến nghị với cơ quan cấp trên và phương hướng, nhiệm vụ kỳ tới.',
      tables: [],
    },
  ],
  tables: TABLES,
};

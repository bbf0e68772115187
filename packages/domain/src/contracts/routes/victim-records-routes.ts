import { idParamsSchema } from '../common.ts';
import { defineRoutes } from '../route-contract.ts';
import { VICTIM_ATTACHMENT_MAX_BYTES } from '../../victims/index.ts';
import {
  attachmentUploadBodySchema,
  attachmentViewSchema,
  closeFileBodySchema,
  confidentialityBodySchema,
  createdSchema,
  deadlineRuleCodeParamsSchema,
  deadlineRuleUpdateBodySchema,
  deadlineSettingsViewSchema,
  facilityUpdateBodySchema,
  facilityViewSchema,
  holidayBodySchema,
  holidayParamsSchema,
  identifiedExportBodySchema,
  personCorrectionBodySchema,
  receptionCorrectionBodySchema,
  reopenFileBodySchema,
  repatriationBodySchema,
  repatriationUpdateBodySchema,
  repatriationViewSchema,
  supportRateUpdateBodySchema,
  supportRateViewSchema,
  victimExportQuerySchema,
} from '../victims.ts';

const tags = ['victims'] as const;
const EITHER_NOTE = ' (quyền manage:victims hoặc manage:support trên hồ sơ)';
const READ_NOTE = ' (quyền read:victims hoặc read:support)';

/**
 * The records that complete a victim file (issue 5): corrections with history, closing, confidentiality
 * flags, repatriation, documents, the list exports, and the administrators' deadline rules, holidays,
 * rate and facility edits.
 */
export const victimRecordRouteContracts = defineRoutes({
  correctVictimPerson: {
    method: 'PATCH',
    path: '/victim-persons/:id',
    tags,
    summary: 'Đính chính nhân thân (giữ lịch sử giá trị cũ, có lý do; gửi kèm version của hồ sơ)',
    description: '409 victim.stale (kèm currentVersion) khi hồ sơ đã thay đổi sau khi tải; 409 victim.file_closed khi hồ sơ đã đóng.',
    permission: 'manage:victims',
    params: idParamsSchema,
    body: personCorrectionBodySchema,
    response: { 200: createdSchema },
    problems: ['victim.file_closed', 'victim.stale'],
  },
  uploadVictimAttachment: {
    method: 'POST',
    path: '/victim-files/:id/attachments',
    tags,
    summary: 'Thêm tài liệu vào hồ sơ (PDF, JPG, PNG, DOCX, XLSX; tối đa 5 MB; kiểm tra theo nội dung; được mã hóa)',
    description:
      'manage:victims trên hồ sơ (mọi loại), hoặc người ghi nhận hỗ trợ cho người đó (loại support_document). ' +
      '400 victim.attachment_invalid khi tệp rỗng, quá lớn, sai loại hoặc phần mở rộng không khớp nội dung.',
    // The coarse check (the guard, before a body of several megabytes is read) and the upload limit.
    permission: ['manage:victims', 'manage:support'],
    uploadMaxBytes: VICTIM_ATTACHMENT_MAX_BYTES,
    params: idParamsSchema,
    body: attachmentUploadBodySchema,
    response: { 201: attachmentViewSchema },
    problems: ['victim.attachment_invalid', 'victim.file_closed'],
  },
  // ── Corrections, closing, confidentiality ────────────────────────────────────────────────────
  correctVictimReception: {
    method: 'PATCH',
    path: '/victim-files/:id/reception',
    tags,
    summary: 'Đính chính thông tin tiếp nhận (giữ lịch sử; trường không gửi giữ nguyên, null để xóa)',
    permission: 'manage:victims',
    params: idParamsSchema,
    body: receptionCorrectionBodySchema,
    response: { 200: createdSchema },
    problems: ['victim.file_closed', 'victim.stale'],
  },
  closeVictimFile: {
    method: 'POST',
    path: '/victim-files/:id/close',
    tags,
    summary: 'Đóng hồ sơ (không còn chuyển tuyến đang thực hiện, không còn người ở cơ sở trợ giúp)',
    permission: 'manage:victims',
    params: idParamsSchema,
    body: closeFileBodySchema,
    response: { 200: createdSchema },
    problems: ['victim.file_status', 'victim.file_closed'],
  },
  reopenVictimFile: {
    method: 'POST',
    path: '/victim-files/:id/reopen',
    tags,
    summary: 'Mở lại hồ sơ đã đóng (có lý do)',
    permission: 'manage:victims',
    params: idParamsSchema,
    body: reopenFileBodySchema,
    response: { 200: createdSchema },
    problems: ['victim.file_status', 'resource.version_conflict'],
  },
  setVictimConfidentiality: {
    method: 'PUT',
    path: '/victim-files/:id/confidentiality',
    tags,
    summary: 'Chỉ dẫn bảo mật của hồ sơ (thay thế toàn bộ; mọi người xem hồ sơ, kể cả qua chuyển tuyến, đều thấy)',
    permission: 'manage:victims',
    params: idParamsSchema,
    body: confidentialityBodySchema,
    response: { 200: createdSchema },
    problems: ['victim.file_closed'],
  },

  // ── Repatriation ─────────────────────────────────────────────────────────────────────────────
  addVictimRepatriation: {
    method: 'POST',
    path: '/victim-files/:id/repatriations',
    tags,
    summary: `Hồi hương nạn nhân là người nước ngoài${EITHER_NOTE}`,
    permission: ['manage:victims', 'manage:support'],
    params: idParamsSchema,
    body: repatriationBodySchema,
    response: { 201: repatriationViewSchema },
    problems: ['victim.file_closed'],
  },
  updateVictimRepatriation: {
    method: 'PATCH',
    path: '/victim-repatriations/:id',
    tags,
    summary: `Cập nhật việc hồi hương (liên hệ cơ quan đại diện, bàn giao, hủy)${EITHER_NOTE}`,
    permission: ['manage:victims', 'manage:support'],
    params: idParamsSchema,
    body: repatriationUpdateBodySchema,
    response: { 200: repatriationViewSchema },
    problems: ['victim.file_closed', 'victim.repatriation_status_not_allowed', 'resource.version_conflict'],
  },

  // ── Documents ────────────────────────────────────────────────────────────────────────────────
  /** The document itself (its media type, an attachment disposition, no-store), every download audited. */
  downloadVictimAttachment: {
    method: 'GET',
    path: '/victim-attachments/:id',
    tags,
    summary: `Tải tài liệu của hồ sơ (ghi nhật ký mỗi lần tải)${READ_NOTE}`,
    permission: ['read:victims', 'read:support'],
    params: idParamsSchema,
    response: {},
  },

  // ── Exports (an XLSX workbook) ───────────────────────────────────────────────────────────────
  exportVictimFiles: {
    method: 'GET',
    path: '/victim-files/export.xlsx',
    tags,
    summary: `Xuất danh sách hồ sơ ra Excel, đã khử thông tin nhận dạng (cùng phạm vi và bộ lọc với danh sách; ghi nhật ký)${READ_NOTE}`,
    permission: ['read:victims', 'read:support'],
    query: victimExportQuerySchema,
    response: {},
  },
  exportIdentifiedVictimFiles: {
    method: 'POST',
    path: '/victim-files/export-identified',
    tags,
    summary: 'Xuất danh sách có thông tin nhận dạng (MẬT; chỉ hồ sơ được xem nhân thân trực tiếp; có lý do, ghi nhật ký)',
    permission: 'export:victim_identity',
    body: identifiedExportBodySchema,
    response: {},
  },

  // ── Deadline rules and holidays ──────────────────────────────────────────────────────────────
  getVictimDeadlineSettings: {
    method: 'GET',
    path: '/victim-deadline-rules',
    tags,
    summary: `Thời hạn pháp lý và ngày nghỉ bổ sung${READ_NOTE}`,
    permission: ['read:victims', 'read:support'],
    response: { 200: deadlineSettingsViewSchema },
  },
  setVictimDeadlineRule: {
    method: 'PUT',
    path: '/victim-deadline-rules/:code',
    tags,
    summary: 'Điều chỉnh một thời hạn (quyền manage:victims cấp quốc gia; bắt buộc ghi căn cứ pháp lý)',
    permission: 'manage:victims',
    params: deadlineRuleCodeParamsSchema,
    body: deadlineRuleUpdateBodySchema,
    response: { 200: deadlineSettingsViewSchema },
  },
  resetVictimDeadlineRule: {
    method: 'DELETE',
    path: '/victim-deadline-rules/:code',
    tags,
    summary: 'Trả một thời hạn về mặc định của hệ thống (quyền manage:victims cấp quốc gia)',
    permission: 'manage:victims',
    params: deadlineRuleCodeParamsSchema,
    response: { 200: deadlineSettingsViewSchema },
  },
  setVictimHoliday: {
    method: 'POST',
    path: '/victim-holidays',
    tags,
    summary: 'Thêm hoặc sửa một ngày nghỉ bổ sung (Tết, Giỗ Tổ, nghỉ bù; quyền manage:victims cấp quốc gia)',
    permission: 'manage:victims',
    body: holidayBodySchema,
    response: { 200: deadlineSettingsViewSchema },
  },
  removeVictimHoliday: {
    method: 'DELETE',
    path: '/victim-holidays/:date',
    tags,
    summary: 'Bỏ một ngày nghỉ bổ sung (quyền manage:victims cấp quốc gia)',
    permission: 'manage:victims',
    params: holidayParamsSchema,
    response: { 200: deadlineSettingsViewSchema },
  },

  // ── Registry edits ───────────────────────────────────────────────────────────────────────────
  updateVictimSupportRate: {
    method: 'PATCH',
    path: '/victim-support-rates/:id',
    tags,
    summary: 'Kết thúc hiệu lực hoặc bổ sung căn cứ của một định mức (không sửa số tiền, không xóa)',
    permission: 'manage:support',
    params: idParamsSchema,
    body: supportRateUpdateBodySchema,
    response: { 200: supportRateViewSchema },
  },
  updateVictimFacility: {
    method: 'PATCH',
    path: '/victim-facilities/:id',
    tags,
    summary: 'Sửa tên, số chỗ, tình trạng hoạt động của cơ sở trợ giúp (không dưới số người đang ở)',
    permission: 'manage:support',
    params: idParamsSchema,
    body: facilityUpdateBodySchema,
    response: { 200: facilityViewSchema },
    problems: ['victim.facility_below_occupancy', 'resource.conflict'],
  },
});

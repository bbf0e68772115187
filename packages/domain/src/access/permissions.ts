/**
 * Permissions are `action:entity`. A role is a set of them; a user holds roles through assignments
 * that also say where (org unit, agency) and how far (scope) the permissions reach.
 * Modules that are not built yet already have their permissions so that roles can be set up once.
 */
export const PERMISSIONS = [
  'read:org_units',
  'read:agencies',
  'manage:agencies',
  'read:users',
  'manage:users',
  'read:roles',
  'manage:roles',
  'read:audit',
  'read:plans',
  'manage:plans',
  'read:tasks',
  'update:tasks',
  'chase:tasks',
  'read:reports',
  'submit:reports',
  'review:reports',
  'manage:report_templates',
  'read:indicators',
  'read:tipoffs',
  'manage:tipoffs',
  'read:cases',
  'manage:cases',
  'read:victims',
  'manage:victims',
  'read:victim_identity',
  'export:victim_identity',
  'read:support',
  'manage:support',
  'read:prevention',
  'manage:prevention',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const SCOPES = ['own', 'agency', 'subtree', 'national'] as const;
export type Scope = (typeof SCOPES)[number];

/** Vietnamese and English labels, for the role editor. */
export const PERMISSION_LABELS: Record<Permission, { vi: string; en: string }> = {
  'read:org_units': { vi: 'Xem đơn vị hành chính', en: 'View administrative units' },
  'read:agencies': { vi: 'Xem danh mục cơ quan', en: 'View agencies' },
  'manage:agencies': { vi: 'Quản lý danh mục cơ quan', en: 'Manage agencies' },
  'read:users': { vi: 'Xem người dùng', en: 'View users' },
  'manage:users': { vi: 'Quản lý người dùng và phân quyền', en: 'Manage users and assignments' },
  'read:roles': { vi: 'Xem vai trò', en: 'View roles' },
  'manage:roles': { vi: 'Quản lý vai trò', en: 'Manage roles' },
  'read:audit': { vi: 'Xem nhật ký hệ thống', en: 'View audit trail' },
  'read:plans': { vi: 'Xem kế hoạch', en: 'View plans' },
  'manage:plans': { vi: 'Quản lý kế hoạch', en: 'Manage plans' },
  'read:tasks': { vi: 'Xem nhiệm vụ', en: 'View tasks' },
  'update:tasks': { vi: 'Cập nhật tiến độ nhiệm vụ', en: 'Update task progress' },
  'chase:tasks': { vi: 'Theo dõi, đôn đốc nhiệm vụ', en: 'Follow up and chase tasks' },
  'read:reports': { vi: 'Xem báo cáo', en: 'View reports' },
  'submit:reports': { vi: 'Lập và gửi báo cáo', en: 'Prepare and submit reports' },
  'review:reports': { vi: 'Duyệt, tổng hợp báo cáo', en: 'Review and consolidate reports' },
  'manage:report_templates': { vi: 'Soạn, sửa mẫu báo cáo (cấp quốc gia)', en: 'Edit report templates (national)' },
  'read:indicators': { vi: 'Xem bộ chỉ số', en: 'View indicators' },
  'read:tipoffs': { vi: 'Xem tố giác, tin báo', en: 'View tip-offs' },
  'manage:tipoffs': { vi: 'Xử lý tố giác, tin báo', en: 'Handle tip-offs' },
  'read:cases': { vi: 'Xem vụ án', en: 'View criminal cases' },
  'manage:cases': { vi: 'Quản lý vụ án', en: 'Manage criminal cases' },
  'read:victims': { vi: 'Xem hồ sơ nạn nhân', en: 'View victim records' },
  'manage:victims': { vi: 'Tiếp nhận, quản lý nạn nhân', en: 'Receive and manage victims' },
  'read:victim_identity': { vi: 'Xem thông tin nhận dạng nạn nhân', en: 'View victim identity' },
  'export:victim_identity': {
    vi: 'Xuất danh sách nạn nhân có thông tin nhận dạng (có lý do, ghi nhật ký)',
    en: 'Export victim lists with identity (with a reason, logged)',
  },
  'read:support': { vi: 'Xem hỗ trợ nạn nhân', en: 'View victim support' },
  'manage:support': { vi: 'Quản lý hỗ trợ nạn nhân', en: 'Manage victim support' },
  'read:prevention': { vi: 'Xem hoạt động phòng ngừa', en: 'View prevention work' },
  'manage:prevention': { vi: 'Quản lý hoạt động phòng ngừa', en: 'Manage prevention work' },
};

export const SCOPE_LABELS: Record<Scope, { vi: string; en: string }> = {
  own: { vi: 'Hồ sơ của mình', en: 'Own records' },
  agency: { vi: 'Trong cơ quan', en: 'Within the agency' },
  subtree: { vi: 'Đơn vị và cấp dưới', en: 'Unit and subordinate units' },
  national: { vi: 'Toàn quốc', en: 'National' },
};

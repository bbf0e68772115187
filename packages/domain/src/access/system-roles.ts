import { PERMISSIONS, type Permission } from './permissions.ts';

export interface SystemRole {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  permissions: readonly Permission[];
  /** The second factor is required for this role when the deployment's policy enforces it. */
  requiresTotp: boolean;
}

const READ_REFERENCE: Permission[] = ['read:org_units', 'read:agencies'];

/** The typical roles of the domain; administrators may add more. Seeded in every deployment. */
export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    code: 'system_admin',
    name: 'Quản trị hệ thống',
    nameEn: 'System administrator',
    description: 'Toàn quyền quản trị, cấp quốc gia.',
    permissions: [...PERMISSIONS],
    requiresTotp: true,
  },
  {
    code: 'unit_admin',
    name: 'Quản trị đơn vị',
    nameEn: 'Unit administrator',
    description: 'Quản lý tài khoản, phân quyền và danh mục cơ quan trong phạm vi đơn vị.',
    permissions: [...READ_REFERENCE, 'manage:agencies', 'read:users', 'manage:users', 'read:roles', 'read:audit'],
    requiresTotp: true,
  },
  {
    code: 'standing_office',
    name: 'Cán bộ Cơ quan thường trực',
    nameEn: 'Standing office officer',
    description: 'Theo dõi, đôn đốc, tổng hợp toàn bộ công tác phòng, chống mua bán người của địa bàn.',
    permissions: [
      ...READ_REFERENCE,
      'read:users',
      'read:plans',
      'manage:plans',
      'read:tasks',
      'update:tasks',
      'chase:tasks',
      'read:reports',
      'submit:reports',
      'review:reports',
      'read:indicators',
      'read:tipoffs',
      'manage:tipoffs',
      'read:cases',
      'manage:cases',
      'read:victims',
      'manage:victims',
      'read:victim_identity',
      'read:support',
      'manage:support',
      'read:prevention',
      'manage:prevention',
    ],
    requiresTotp: false,
  },
  {
    code: 'department_officer',
    name: 'Cán bộ sở, ngành',
    nameEn: 'Department officer',
    description: 'Thực hiện nhiệm vụ được giao, báo cáo định kỳ, hỗ trợ nạn nhân theo chức năng.',
    permissions: [
      ...READ_REFERENCE,
      'read:plans',
      'read:tasks',
      'update:tasks',
      'read:reports',
      'submit:reports',
      'read:indicators',
      'read:support',
      'manage:support',
      'read:prevention',
      'manage:prevention',
    ],
    requiresTotp: false,
  },
  {
    code: 'commune_officer',
    name: 'Cán bộ cấp xã',
    nameEn: 'Commune officer',
    description: 'Tiếp nhận tin báo, nạn nhân trở về; thực hiện nhiệm vụ và báo cáo của xã.',
    permissions: [
      ...READ_REFERENCE,
      'read:plans',
      'read:tasks',
      'update:tasks',
      'read:reports',
      'submit:reports',
      'read:tipoffs',
      'manage:tipoffs',
      'read:victims',
      'manage:victims',
      'read:victim_identity',
      'read:support',
      'manage:support',
      'read:prevention',
      'manage:prevention',
    ],
    requiresTotp: false,
  },
  {
    code: 'judicial_officer',
    name: 'Cán bộ Viện kiểm sát, Tòa án',
    nameEn: 'Procuracy or court officer',
    description: 'Theo dõi vụ án, truy tố, xét xử; không xem hồ sơ hỗ trợ nạn nhân.',
    permissions: [
      ...READ_REFERENCE,
      'read:plans',
      'read:tasks',
      'update:tasks',
      'read:reports',
      'submit:reports',
      'read:cases',
      'manage:cases',
    ],
    requiresTotp: false,
  },
];

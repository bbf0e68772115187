import { z } from 'zod';
import { PERMISSIONS } from '../../access/permissions.ts';
import {
  auditEventViewSchema,
  auditListQuerySchema,
  auditVerificationSchema,
  orgUnitListQuerySchema,
  orgUnitViewSchema,
  roleBodySchema,
  roleViewSchema,
  updateRoleBodySchema,
} from '../admin.ts';
import { idParamsSchema, orgUnitIdSchema, pageSchema } from '../common.ts';
import { defineRoutes } from '../route-contract.ts';

/** Roles are national reference definitions: readable by anyone who manages users, editable nationally. */
export const roleRouteContracts = defineRoutes({
  listPermissions: {
    method: 'GET',
    path: '/permissions',
    tags: ['roles'],
    summary: 'Danh mục quyền',
    permission: 'read:roles',
    response: { 200: z.array(z.object({ permission: z.enum(PERMISSIONS), label: z.object({ vi: z.string(), en: z.string() }) })) },
  },
  listRoles: {
    method: 'GET',
    path: '/roles',
    tags: ['roles'],
    summary: 'Danh sách vai trò',
    permission: 'read:roles',
    response: { 200: z.array(roleViewSchema) },
  },
  getRole: {
    method: 'GET',
    path: '/roles/:id',
    tags: ['roles'],
    summary: 'Chi tiết vai trò',
    permission: 'read:roles',
    params: idParamsSchema,
    response: { 200: roleViewSchema },
  },
  createRole: {
    method: 'POST',
    path: '/roles',
    tags: ['roles'],
    summary: 'Tạo vai trò',
    permission: 'manage:roles',
    body: roleBodySchema,
    response: { 201: roleViewSchema },
    problems: ['resource.conflict', 'access.escalation'],
  },
  updateRole: {
    method: 'PATCH',
    path: '/roles/:id',
    tags: ['roles'],
    summary: 'Sửa vai trò',
    permission: 'manage:roles',
    params: idParamsSchema,
    body: updateRoleBodySchema,
    response: { 200: roleViewSchema },
  },
});

/** The audit trail: read and verified by those who hold read:audit, in their scope. */
export const auditRouteContracts = defineRoutes({
  listAuditEvents: {
    method: 'GET',
    path: '/audit-events',
    tags: ['audit'],
    summary: 'Nhật ký hệ thống (ai, làm gì, khi nào, từ đâu)',
    permission: 'read:audit',
    query: auditListQuerySchema,
    response: { 200: pageSchema(auditEventViewSchema) },
  },
  verifyAudit: {
    method: 'POST',
    path: '/audit/verify',
    tags: ['audit'],
    summary: 'Kiểm tra tính toàn vẹn chuỗi nhật ký',
    permission: 'read:audit',
    response: { 200: auditVerificationSchema },
  },
});

/** Administrative units are public reference data for every signed-in user (read:org_units). */
export const orgUnitRouteContracts = defineRoutes({
  listOrgUnits: {
    method: 'GET',
    path: '/org-units',
    tags: ['org-units'],
    summary: 'Tra cứu đơn vị hành chính (tìm không dấu)',
    permission: 'read:org_units',
    query: orgUnitListQuerySchema,
    response: { 200: pageSchema(orgUnitViewSchema) },
  },
  getOrgUnit: {
    method: 'GET',
    path: '/org-units/:id',
    tags: ['org-units'],
    summary: 'Chi tiết đơn vị hành chính',
    permission: 'read:org_units',
    params: z.strictObject({ id: orgUnitIdSchema }),
    response: { 200: orgUnitViewSchema },
  },
});

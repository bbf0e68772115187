import { z } from 'zod';
import { PERMISSIONS, SCOPES } from '../access/permissions.ts';
import { isoDateSchema, listQuerySchema, optionalText, orgUnitIdSchema, safeString, sortSchema, text, uuidSchema } from './common.ts';

const usernameSchema = z
  .string()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số và . _ -' });

export const userViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  isLocked: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const USER_SORT_KEYS = ['username', 'fullName', 'createdAt'] as const;
export const userListQuerySchema = listQuerySchema.extend({
  sort: sortSchema(USER_SORT_KEYS, 'username'),
  orgUnitId: orgUnitIdSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  fullName: text(200),
  email: z.email().max(200).nullable().optional(),
  phone: optionalText(30),
  orgUnitId: orgUnitIdSchema,
  agencyId: uuidSchema.nullable().optional(),
  password: safeString(200, 1),
});

export const updateUserBodySchema = z.strictObject({
  fullName: text(200).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: optionalText(30),
  status: z.enum(['active', 'disabled']).optional(),
  unlock: z.boolean().optional(),
});

export const resetPasswordBodySchema = z.strictObject({ newPassword: safeString(200, 1) });

export const createAssignmentBodySchema = z.strictObject({
  roleId: uuidSchema,
  orgUnitId: orgUnitIdSchema,
  agencyId: uuidSchema.nullable().optional(),
  scope: z.enum(SCOPES),
});

export const roleViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  requiresTotp: z.boolean(),
  isSystem: z.boolean(),
});
export type RoleView = z.infer<typeof roleViewSchema>;

export const roleBodySchema = z.strictObject({
  code: z
    .string()
    .min(2)
    .max(50)
    .regex(/^[a-z][a-z0-9_]*$/),
  name: text(200),
  nameEn: text(200),
  description: optionalText(1000),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  requiresTotp: z.boolean().default(false),
});
export const updateRoleBodySchema = roleBodySchema.omit({ code: true }).partial().strict();

export const orgUnitViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  level: z.enum(['national', 'province', 'district', 'commune']),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  unitType: z.string(),
  parentId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type OrgUnitView = z.infer<typeof orgUnitViewSchema>;

export const orgUnitListQuerySchema = listQuerySchema.extend({
  parentId: orgUnitIdSchema.optional(),
  level: z.enum(['national', 'province', 'district', 'commune']).optional(),
  era: z.enum(['current', 'pre2025', 'all']).default('current'),
});

export const agencyViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successorId: z.uuid().nullable(),
  successorName: z.string().nullable(),
  allowedActions: z.array(z.enum(['update', 'rename', 'merge'])),
});
export type AgencyView = z.infer<typeof agencyViewSchema>;

export const AGENCY_SORT_KEYS = ['code', 'name'] as const;
export const agencyListQuerySchema = listQuerySchema.extend({
  sort: sortSchema(AGENCY_SORT_KEYS, 'code'),
  orgUnitId: orgUnitIdSchema.optional(),
  type: safeString(50).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createAgencyBodySchema = z.strictObject({
  code: z
    .string()
    .min(2)
    .max(50)
    .regex(/^[A-Za-z0-9._-]+$/),
  name: text(300),
  shortName: optionalText(100),
  type: z
    .string()
    .min(2)
    .max(50)
    .regex(/^[a-z_]+$/),
  parentId: uuidSchema.nullable().optional(),
  orgUnitId: orgUnitIdSchema,
  validFrom: isoDateSchema.nullable().optional(),
});

export const updateAgencyBodySchema = z.strictObject({
  type: z
    .string()
    .min(2)
    .max(50)
    .regex(/^[a-z_]+$/)
    .optional(),
  parentId: uuidSchema.nullable().optional(),
});

export const renameAgencyBodySchema = z.strictObject({
  name: text(300),
  shortName: optionalText(100),
  effectiveFrom: isoDateSchema,
  reason: optionalText(500),
});

export const mergeAgencyBodySchema = z.strictObject({
  successorId: uuidSchema,
  effectiveFrom: isoDateSchema,
  reason: optionalText(500),
});

export const agencyHistorySchema = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    shortName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export const auditEventViewSchema = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  occurredAt: z.string(),
  actorUserId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditListQuerySchema = listQuerySchema.extend({
  action: safeString(100).optional(),
  entityType: safeString(100).optional(),
  actor: safeString(100).optional(),
});

export const auditVerificationSchema = z.object({
  isValid: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});

import { z } from 'zod';
import { PERMISSIONS, SCOPES } from '../access/permissions.ts';
import { safeString } from './common.ts';

export const loginBodySchema = z.strictObject({
  username: safeString(100, 1),
  password: safeString(200, 1),
});

export const secondFactorBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: safeString(200, 1),
  newPassword: safeString(200, 1),
});

export const assignmentViewSchema = z.object({
  id: z.uuid(),
  roleId: z.uuid(),
  roleCode: z.string(),
  roleName: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  scope: z.enum(SCOPES),
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    orgUnitId: z.string(),
    orgUnitName: z.string(),
    agencyId: z.uuid().nullable(),
    agencyName: z.string().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  assignments: z.array(assignmentViewSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
  secondFactorRequired: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResultSchema = z.object({
  status: z.enum(['ok', 'second_factor_required']),
  csrfToken: z.string(),
  me: meSchema.nullable(),
});

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });

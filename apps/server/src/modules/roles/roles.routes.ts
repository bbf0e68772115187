import {
  checkRoleEdit,
  idParamsSchema,
  isPermission,
  PERMISSION_LABELS,
  PERMISSIONS,
  roleBodySchema,
  roleViewSchema,
  updateRoleBodySchema,
  type Permission,
  type RoleView,
} from '@atmis/domain';
import { roles } from '@atmis/db';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';

const tags = ['roles'];

function present(row: typeof roles.$inferSelect): RoleView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    description: row.description,
    permissions: row.permissions.filter(isPermission),
    requiresTotp: row.requiresTotp,
    isSystem: row.isSystem,
  };
}

/** Roles are national reference definitions: readable by anyone who manages users, editable nationally. */
export function roleRoutes({ db, clock }: ModuleDependencies): FastifyPluginAsync {
  function refuse(refusal: NonNullable<ReturnType<typeof checkRoleEdit>>, locale: 'vi' | 'en'): never {
    const detail =
      refusal.reason === 'permission_not_held'
        ? locale === 'vi'
          ? `bạn không có quyền ${refusal.permission}`
          : `you do not hold ${refusal.permission}`
        : locale === 'vi'
          ? 'chỉ quản trị cấp quốc gia được sửa vai trò'
          : 'only national administrators edit roles';
    throw new AppError('access.escalation', { detail });
  }

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/permissions',
      {
        config: { permission: 'read:roles' },
        schema: {
          tags,
          summary: 'Danh mục quyền',
          response: { 200: z.array(z.object({ permission: z.enum(PERMISSIONS), label: z.object({ vi: z.string(), en: z.string() }) })) },
        },
      },
      () => PERMISSIONS.map((permission) => ({ permission, label: PERMISSION_LABELS[permission] })),
    );
    app.get(
      '/roles',
      { config: { permission: 'read:roles' }, schema: { tags, summary: 'Danh sách vai trò', response: { 200: z.array(roleViewSchema) } } },
      async () => (await db.select().from(roles).orderBy(asc(roles.name))).map(present),
    );
    app.get(
      '/roles/:id',
      {
        config: { permission: 'read:roles' },
        schema: { tags, summary: 'Chi tiết vai trò', params: idParamsSchema, response: { 200: roleViewSchema } },
      },
      async (request) => {
        const [row] = await db.select().from(roles).where(eq(roles.id, request.params.id));
        if (!row) throw notFound();
        return present(row);
      },
    );
    app.post(
      '/roles',
      {
        config: { permission: 'manage:roles' },
        schema: { tags, summary: 'Tạo vai trò', body: roleBodySchema, response: { 201: roleViewSchema } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const refusal = checkRoleEdit(actor, request.body.permissions);
        if (refusal) refuse(refusal, localeOf(request));
        const [existing] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, request.body.code));
        if (existing) throw new AppError('resource.conflict', { detail: request.body.code });
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(roles)
            .values({ ...request.body, description: request.body.description ?? null, permissions: [...new Set(request.body.permissions)] })
            .returning();
          await recordAudit(
            tx,
            auditContextOf(request),
            { action: 'role.created', entityType: 'role', entityId: row!.id, details: { code: row!.code, permissions: row!.permissions } },
            clock(),
          );
          return row!;
        });
        return reply.status(201).send(present(created));
      },
    );
    app.patch(
      '/roles/:id',
      {
        config: { permission: 'manage:roles' },
        schema: { tags, summary: 'Sửa vai trò', params: idParamsSchema, body: updateRoleBodySchema, response: { 200: roleViewSchema } },
      },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db.select().from(roles).where(eq(roles.id, request.params.id));
        if (!row) throw notFound();
        const permissions = (request.body.permissions ?? row.permissions.filter(isPermission)) as Permission[];
        const refusal = checkRoleEdit(actor, permissions);
        if (refusal) refuse(refusal, localeOf(request));
        const updated = await db.transaction(async (tx) => {
          const [saved] = await tx
            .update(roles)
            .set({
              ...request.body,
              ...(request.body.permissions ? { permissions: [...new Set(request.body.permissions)] } : {}),
              updatedAt: clock(),
            })
            .where(eq(roles.id, row.id))
            .returning();
          await recordAudit(
            tx,
            auditContextOf(request),
            {
              action: 'role.updated',
              entityType: 'role',
              entityId: row.id,
              details: {
                code: row.code,
                before: { permissions: row.permissions, name: row.name },
                after: { permissions: saved!.permissions, name: saved!.name },
              },
            },
            clock(),
          );
          return saved!;
        });
        return present(updated);
      },
    );
  };
}

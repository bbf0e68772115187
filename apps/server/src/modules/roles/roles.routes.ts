import { idParamsSchema, PERMISSION_LABELS, PERMISSIONS, roleBodySchema, roleViewSchema, updateRoleBodySchema } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { createRolesService } from './roles.service.ts';

const tags = ['roles'];

/** Roles are national reference definitions: readable by anyone who manages users, editable nationally. */
export function roleRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createRolesService(deps);
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
      () => service.list(),
    );
    app.get(
      '/roles/:id',
      {
        config: { permission: 'read:roles' },
        schema: { tags, summary: 'Chi tiết vai trò', params: idParamsSchema, response: { 200: roleViewSchema } },
      },
      (request) => service.get(request.params.id),
    );
    app.post(
      '/roles',
      {
        config: { permission: 'manage:roles' },
        schema: { tags, summary: 'Tạo vai trò', body: roleBodySchema, response: { 201: roleViewSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await service.create(actorOf(request), request.body, localeOf(request), auditContextOf(request))),
    );
    app.patch(
      '/roles/:id',
      {
        config: { permission: 'manage:roles' },
        schema: { tags, summary: 'Sửa vai trò', params: idParamsSchema, body: updateRoleBodySchema, response: { 200: roleViewSchema } },
      },
      (request) => service.update(actorOf(request), request.params.id, request.body, localeOf(request), auditContextOf(request)),
    );
  };
}

import {
  assignmentViewSchema,
  createAssignmentBodySchema,
  createUserBodySchema,
  idParamsSchema,
  okSchema,
  pageSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userViewSchema,
  uuidSchema,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { createUsersService } from './users.service.ts';

const tags = ['users'];
const userDetailSchema = userViewSchema.extend({ assignments: z.array(assignmentViewSchema) });

export function userRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createUsersService(deps);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/users',
      {
        config: { permission: 'read:users' },
        schema: {
          tags,
          summary: 'Danh sách người dùng trong phạm vi',
          querystring: userListQuerySchema,
          response: { 200: pageSchema(userViewSchema) },
        },
      },
      (request) => service.list(actorOf(request), request.query),
    );
    app.post(
      '/users',
      {
        config: { permission: 'manage:users' },
        schema: { tags, summary: 'Tạo người dùng', body: createUserBodySchema, response: { 201: userDetailSchema } },
      },
      async (request, reply) => {
        const user = await service.create(actorOf(request), request.body, localeOf(request), auditContextOf(request));
        return reply.status(201).send(user);
      },
    );
    app.get(
      '/users/:id',
      {
        config: { permission: 'read:users' },
        schema: { tags, summary: 'Chi tiết người dùng', params: idParamsSchema, response: { 200: userDetailSchema } },
      },
      (request) => service.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/users/:id',
      {
        config: { permission: 'manage:users' },
        schema: {
          tags,
          summary: 'Cập nhật, khóa/mở khóa người dùng',
          params: idParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userDetailSchema },
        },
      },
      (request) => service.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/users/:id/password',
      {
        config: { permission: 'manage:users' },
        schema: { tags, summary: 'Đặt lại mật khẩu', params: idParamsSchema, body: resetPasswordBodySchema, response: { 200: okSchema } },
      },
      async (request) => {
        await service.resetPassword(
          actorOf(request),
          request.params.id,
          request.body.newPassword,
          localeOf(request),
          auditContextOf(request),
        );
        return { ok: true as const };
      },
    );
    app.post(
      '/users/:id/assignments',
      {
        config: { permission: 'manage:users' },
        schema: {
          tags,
          summary: 'Phân công vai trò',
          params: idParamsSchema,
          body: createAssignmentBodySchema,
          response: { 201: userDetailSchema },
        },
      },
      async (request, reply) => {
        const user = await service.grantAssignment(
          actorOf(request),
          request.params.id,
          request.body,
          localeOf(request),
          auditContextOf(request),
        );
        return reply.status(201).send(user);
      },
    );
    app.delete(
      '/users/:id/assignments/:assignmentId',
      {
        config: { permission: 'manage:users' },
        schema: {
          tags,
          summary: 'Thu hồi phân công',
          params: z.strictObject({ id: uuidSchema, assignmentId: uuidSchema }),
          response: { 200: userDetailSchema },
        },
      },
      (request) =>
        service.revokeAssignment(
          actorOf(request),
          request.params.id,
          request.params.assignmentId,
          localeOf(request),
          auditContextOf(request),
        ),
    );
  };
}

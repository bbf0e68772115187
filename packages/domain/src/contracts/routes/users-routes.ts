import { z } from 'zod';
import {
  createAssignmentBodySchema,
  createUserBodySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userViewSchema,
} from '../admin.ts';
import { assignmentViewSchema } from '../auth.ts';
import { idParamsSchema, okSchema, pageSchema, uuidSchema } from '../common.ts';
import { defineRoutes } from '../route-contract.ts';

/** A user with the role assignments they hold. */
export const userDetailSchema = userViewSchema.extend({ assignments: z.array(assignmentViewSchema) });

/** Users and their role assignments, read and managed in the actor's scope (no grant beyond one's own). */
export const userRouteContracts = defineRoutes({
  listUsers: {
    method: 'GET',
    path: '/users',
    tags: ['users'],
    summary: 'Danh sách người dùng trong phạm vi',
    permission: 'read:users',
    query: userListQuerySchema,
    response: { 200: pageSchema(userViewSchema) },
  },
  createUser: {
    method: 'POST',
    path: '/users',
    tags: ['users'],
    summary: 'Tạo người dùng',
    permission: 'manage:users',
    body: createUserBodySchema,
    response: { 201: userDetailSchema },
    problems: ['access.escalation', 'auth.password_weak', 'resource.conflict'],
  },
  getUser: {
    method: 'GET',
    path: '/users/:id',
    tags: ['users'],
    summary: 'Chi tiết người dùng',
    permission: 'read:users',
    params: idParamsSchema,
    response: { 200: userDetailSchema },
  },
  updateUser: {
    method: 'PATCH',
    path: '/users/:id',
    tags: ['users'],
    summary: 'Cập nhật, khóa/mở khóa người dùng',
    permission: 'manage:users',
    params: idParamsSchema,
    body: updateUserBodySchema,
    response: { 200: userDetailSchema },
  },
  resetUserPassword: {
    method: 'POST',
    path: '/users/:id/password',
    tags: ['users'],
    summary: 'Đặt lại mật khẩu',
    permission: 'manage:users',
    params: idParamsSchema,
    body: resetPasswordBodySchema,
    response: { 200: okSchema },
    problems: ['auth.password_weak'],
  },
  grantAssignment: {
    method: 'POST',
    path: '/users/:id/assignments',
    tags: ['users'],
    summary: 'Phân công vai trò',
    permission: 'manage:users',
    params: idParamsSchema,
    body: createAssignmentBodySchema,
    response: { 201: userDetailSchema },
    problems: ['access.escalation', 'resource.conflict'],
  },
  revokeAssignment: {
    method: 'DELETE',
    path: '/users/:id/assignments/:assignmentId',
    tags: ['users'],
    summary: 'Thu hồi phân công',
    permission: 'manage:users',
    params: z.strictObject({ id: uuidSchema, assignmentId: uuidSchema }),
    response: { 200: userDetailSchema },
    problems: ['access.escalation'],
  },
});

import type { Database } from '@atmis/db';
import {
  checkRoleEdit,
  isPermission,
  type Actor,
  type Locale,
  type Permission,
  type roleBodySchema,
  type RoleView,
  type updateRoleBodySchema,
} from '@atmis/domain';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { findRole, findRoleByCode, insertRole, listRoles, updateRole, type RoleRow } from './roles.repository.ts';

function present(row: RoleRow): RoleView {
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

function refuse(refusal: NonNullable<ReturnType<typeof checkRoleEdit>>, locale: Locale): never {
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

/** Roles are national reference definitions: readable by anyone who manages users, editable nationally. */
export function createRolesService({ db, clock }: { db: Database; clock: () => Date }) {
  async function list(): Promise<RoleView[]> {
    return (await listRoles(db)).map(present);
  }

  async function get(id: string): Promise<RoleView> {
    const row = await findRole(db, id);
    if (!row) throw notFound();
    return present(row);
  }

  async function create(actor: Actor, input: z.output<typeof roleBodySchema>, locale: Locale, context: AuditContext): Promise<RoleView> {
    const refusal = checkRoleEdit(actor, input.permissions);
    if (refusal) refuse(refusal, locale);
    if (await findRoleByCode(db, input.code)) throw new AppError('resource.conflict', { detail: input.code });
    const created = await db.transaction(async (tx) => {
      const row = await insertRole(tx, { ...input, description: input.description ?? null, permissions: [...new Set(input.permissions)] });
      await recordAudit(
        tx,
        context,
        { action: 'role.created', entityType: 'role', entityId: row.id, details: { code: row.code, permissions: row.permissions } },
        clock(),
      );
      return row;
    });
    return present(created);
  }

  async function update(
    actor: Actor,
    id: string,
    input: z.output<typeof updateRoleBodySchema>,
    locale: Locale,
    context: AuditContext,
  ): Promise<RoleView> {
    const row = await findRole(db, id);
    if (!row) throw notFound();
    const permissions = (input.permissions ?? row.permissions.filter(isPermission)) as Permission[];
    const refusal = checkRoleEdit(actor, permissions);
    if (refusal) refuse(refusal, locale);
    const updated = await db.transaction(async (tx) => {
      const saved = await updateRole(tx, row.id, {
        ...input,
        ...(input.permissions ? { permissions: [...new Set(input.permissions)] } : {}),
        updatedAt: clock(),
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'role.updated',
          entityType: 'role',
          entityId: row.id,
          details: {
            code: row.code,
            before: { permissions: row.permissions, name: row.name },
            after: { permissions: saved.permissions, name: saved.name },
          },
        },
        clock(),
      );
      return saved;
    });
    return present(updated);
  }

  return { list, get, create, update };
}

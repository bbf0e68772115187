import type { Database, users } from '@atmis/db';
import {
  canManageUser,
  checkGrant,
  isPermission,
  scopeFilterFor,
  canAccess,
  type Actor,
  type GrantRefusal,
  type Locale,
  type Permission,
  type Scope,
} from '@atmis/domain';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { deleteUserSessions } from '../../platform/auth/session-store.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { findAgencyPlace } from '../agencies/index.ts';
import { assertPasswordPolicy } from '../auth/index.ts';
import { findOrgUnit } from '../org-units/index.ts';
import { findRole } from '../roles/index.ts';
import {
  findOpenAssignment,
  findSameAssignment,
  findUserByUsername,
  findUserInScope,
  insertAssignment,
  insertUser,
  listAssignments,
  listUsers,
  markAssignmentRevoked,
  updateUser,
} from './users.repository.ts';

export interface UsersServiceDeps {
  db: Database;
  clock: () => Date;
}

function refusalText(refusal: GrantRefusal, locale: Locale): string {
  const vi = locale === 'vi';
  switch (refusal.reason) {
    case 'no_user_management':
      return vi ? 'bạn không có quyền quản lý người dùng' : 'you do not manage users';
    case 'agency_outside_unit':
      return vi ? 'cơ quan không thuộc đơn vị được phân công' : 'the agency is not inside the assigned unit';
    case 'target_outside_scope':
      return vi ? 'đơn vị hoặc cơ quan nằm ngoài phạm vi quản lý của bạn' : 'the unit or agency is outside your scope';
    case 'permission_not_held':
      return vi ? `bạn không có quyền ${refusal.permission}` : `you do not hold ${refusal.permission}`;
    case 'scope_too_wide':
      return vi
        ? `phạm vi của quyền ${refusal.permission} rộng hơn phạm vi bạn được giao`
        : `the reach of ${refusal.permission} exceeds yours`;
  }
}

export function createUsersService({ db, clock }: UsersServiceDeps) {
  function list(actor: Actor, query: Parameters<typeof listUsers>[2]) {
    return listUsers(db, scopeFilterFor(actor, 'read:users'), query, clock());
  }

  async function get(actor: Actor, id: string) {
    const user = await findUserInScope(db, scopeFilterFor(actor, 'read:users'), id, clock());
    if (!user) throw notFound();
    return { ...user, assignments: await listAssignments(db, id) };
  }

  /** A user record the actor may change: readable and manageable, else 404. */
  async function requireManageable(actor: Actor, id: string) {
    const user = await findUserInScope(db, scopeFilterFor(actor, 'read:users'), id, clock());
    if (!user) throw notFound();
    // Every assignment the user holds must be one the actor could have granted (no takeover of a
    // national administrator who happens to live in the actor's unit); outside reach is 404.
    const assignments = await listAssignments(db, id);
    const held = assignments.map((assignment) => ({
      permissions: assignment.permissions.filter(isPermission) as Permission[],
      orgUnitId: assignment.orgUnitId,
      agencyId: assignment.agencyId,
      scope: assignment.scope,
    }));
    if (!canManageUser(actor, { userId: user.id, orgUnitId: user.orgUnitId, agencyId: user.agencyId, assignments: held })) throw notFound();
    return user;
  }

  /** Checks the unit and agency exist; returns the agency's own unit (null without an agency). */
  async function assertPlace(orgUnitId: string, agencyId: string | null): Promise<string | null> {
    if (!(await findOrgUnit(db, orgUnitId)))
      throw new AppError('validation.failed', {}, [{ path: 'orgUnitId', message: 'Đơn vị hành chính không tồn tại.' }]);
    if (!agencyId) return null;
    const agency = await findAgencyPlace(db, agencyId);
    if (!agency) throw new AppError('validation.failed', {}, [{ path: 'agencyId', message: 'Cơ quan không tồn tại.' }]);
    return agency.orgUnitId;
  }

  async function create(
    actor: Actor,
    input: {
      username: string;
      fullName: string;
      email?: string | null | undefined;
      phone?: string | null | undefined;
      orgUnitId: string;
      agencyId?: string | null | undefined;
      password: string;
    },
    locale: Locale,
    context: AuditContext,
  ) {
    const agencyId = input.agencyId ?? null;
    if (!canAccess(actor, 'manage:users', { orgUnitId: input.orgUnitId, agencyId })) {
      throw new AppError('access.escalation', { detail: refusalText({ reason: 'target_outside_scope' }, locale) });
    }
    const agencyOrgUnitId = await assertPlace(input.orgUnitId, agencyId);
    // The agency itself must sit where the actor manages users, not merely the home unit.
    if (agencyOrgUnitId !== null && !canAccess(actor, 'manage:users', { orgUnitId: agencyOrgUnitId, agencyId })) {
      throw new AppError('access.escalation', { detail: refusalText({ reason: 'target_outside_scope' }, locale) });
    }
    assertPasswordPolicy(input.password, input.username, locale);
    if (await findUserByUsername(db, input.username))
      throw new AppError('resource.conflict', { detail: locale === 'vi' ? 'tên đăng nhập đã được sử dụng' : 'username already taken' });
    const passwordHash = await hashPassword(input.password);
    const id = await db.transaction(async (tx) => {
      const userId = await insertUser(tx, {
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        orgUnitId: input.orgUnitId,
        agencyId,
        passwordHash,
        mustChangePassword: true,
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'user.created',
          entityType: 'user',
          entityId: userId,
          orgUnitId: input.orgUnitId,
          details: { username: input.username, fullName: input.fullName, orgUnitId: input.orgUnitId, agencyId },
        },
        clock(),
      );
      return userId;
    });
    return get(actor, id);
  }

  async function update(
    actor: Actor,
    id: string,
    input: {
      fullName?: string | undefined;
      email?: string | null | undefined;
      phone?: string | null | undefined;
      status?: 'active' | 'disabled' | undefined;
      unlock?: boolean | undefined;
    },
    context: AuditContext,
  ) {
    const user = await requireManageable(actor, id);
    if (id === actor.userId && input.status === 'disabled') throw new AppError('auth.forbidden');
    const changes: Partial<typeof users.$inferInsert> = {};
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['fullName', 'email', 'phone', 'status'] as const) {
      if (input[key] !== undefined && input[key] !== user[key]) {
        (changes as Record<string, unknown>)[key] = input[key];
        changed[key] = { from: user[key], to: input[key] };
      }
    }
    if (input.unlock) {
      changes.lockedUntil = null;
      changes.failedLoginCount = 0;
    }
    if (Object.keys(changes).length) {
      await db.transaction(async (tx) => {
        await updateUser(tx, id, { ...changes, updatedAt: clock() });
        if (changes.status === 'disabled') await deleteUserSessions(tx, id);
        if (Object.keys(changed).length)
          await recordAudit(
            tx,
            context,
            { action: 'user.updated', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId, details: { changed } },
            clock(),
          );
        if (input.unlock)
          await recordAudit(tx, context, { action: 'user.unlocked', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId }, clock());
      });
    }
    return get(actor, id);
  }

  async function resetPassword(actor: Actor, id: string, newPassword: string, locale: Locale, context: AuditContext) {
    const user = await requireManageable(actor, id);
    assertPasswordPolicy(newPassword, user.username, locale);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await updateUser(tx, id, {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: clock(),
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: clock(),
      });
      await deleteUserSessions(tx, id);
      await recordAudit(
        tx,
        context,
        { action: 'user.password_reset', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId },
        clock(),
      );
    });
  }

  async function grantAssignment(
    actor: Actor,
    userId: string,
    input: { roleId: string; orgUnitId: string; agencyId?: string | null | undefined; scope: Scope },
    locale: Locale,
    context: AuditContext,
  ) {
    const user = await requireManageable(actor, userId);
    const role = await findRole(db, input.roleId);
    if (!role) throw new AppError('validation.failed', {}, [{ path: 'roleId', message: 'Vai trò không tồn tại.' }]);
    const agencyId = input.agencyId ?? null;
    if (input.scope === 'agency' && !agencyId)
      throw new AppError('validation.failed', {}, [{ path: 'agencyId', message: 'Phạm vi "trong cơ quan" cần chọn cơ quan.' }]);
    const agencyOrgUnitId = await assertPlace(input.orgUnitId, agencyId);
    const permissions = role.permissions.filter(isPermission) as Permission[];
    const refusal = checkGrant(actor, { permissions, orgUnitId: input.orgUnitId, agencyId, agencyOrgUnitId, scope: input.scope });
    if (refusal) throw new AppError('access.escalation', { detail: refusalText(refusal, locale) });
    if (await findSameAssignment(db, { userId, roleId: role.id, orgUnitId: input.orgUnitId, agencyId, scope: input.scope }))
      throw new AppError('resource.conflict', { detail: locale === 'vi' ? 'phân công này đã tồn tại' : 'this assignment already exists' });
    await db.transaction(async (tx) => {
      const assignmentId = await insertAssignment(tx, {
        userId,
        roleId: role.id,
        orgUnitId: input.orgUnitId,
        agencyId,
        scope: input.scope,
        grantedBy: actor.userId,
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'assignment.granted',
          entityType: 'user',
          entityId: userId,
          orgUnitId: user.orgUnitId,
          details: { assignmentId, role: role.code, orgUnitId: input.orgUnitId, agencyId, scope: input.scope },
        },
        clock(),
      );
    });
    return get(actor, userId);
  }

  async function revokeAssignment(actor: Actor, userId: string, assignmentId: string, locale: Locale, context: AuditContext) {
    const user = await requireManageable(actor, userId);
    const assignment = await findOpenAssignment(db, userId, assignmentId);
    if (!assignment) throw notFound();
    // Taking away is bounded like giving: only what one could have granted.
    const agencyOrgUnitId = await assertPlace(assignment.orgUnitId, assignment.agencyId);
    const refusal = checkGrant(actor, {
      permissions: assignment.permissions.filter(isPermission) as Permission[],
      orgUnitId: assignment.orgUnitId,
      agencyId: assignment.agencyId,
      agencyOrgUnitId,
      scope: assignment.scope,
    });
    if (refusal) throw new AppError('access.escalation', { detail: refusalText(refusal, locale) });
    await db.transaction(async (tx) => {
      await markAssignmentRevoked(tx, assignmentId, actor.userId, clock());
      await recordAudit(
        tx,
        context,
        {
          action: 'assignment.revoked',
          entityType: 'user',
          entityId: userId,
          orgUnitId: user.orgUnitId,
          details: { assignmentId, role: assignment.roleCode, orgUnitId: assignment.orgUnitId, scope: assignment.scope },
        },
        clock(),
      );
    });
    return get(actor, userId);
  }

  return { list, get, create, update, resetPassword, grantAssignment, revokeAssignment };
}

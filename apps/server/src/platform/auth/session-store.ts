import { queryRows, sessions, type Executor } from '@atmis/db';
import { isPermission, type Actor, type Assignment, type Scope } from '@atmis/domain';
import { eq, lt, sql } from 'drizzle-orm';
import { newToken, sha256Hex } from './tokens.ts';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  orgUnitId: string;
  agencyId: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  isSecondFactorPending: boolean;
  lastSeenAt: Date;
  user: SessionUser;
  actor: Actor;
  /** Some assignment's role asks for a second factor. */
  isSecondFactorRequiredByRole: boolean;
}

export async function createSession(
  executor: Executor,
  input: { userId: string; ip: string | null; userAgent: string | null; hours: number; isSecondFactorPending: boolean; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken(24);
  await executor.insert(sessions).values({
    id: sha256Hex(token),
    userId: input.userId,
    csrfToken,
    isSecondFactorPending: input.isSecondFactorPending,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.hours * 3_600_000),
  });
  // Expired sessions are pruned opportunistically at each login.
  await executor.delete(sessions).where(lt(sessions.expiresAt, input.now));
  return { token, csrfToken };
}

interface SessionRow extends Record<string, unknown> {
  session_id: string;
  csrf_token: string;
  is_second_factor_pending: boolean;
  last_seen_at: string | Date;
  user_id: string;
  username: string;
  full_name: string;
  org_unit_id: string;
  agency_id: string | null;
  must_change_password: boolean;
  totp_enabled: boolean;
  assignments:
    | {
        id: string;
        roleId: string;
        roleCode: string;
        permissions: string[];
        orgUnitId: string;
        agencyId: string | null;
        scope: Scope;
        requiresTotp: boolean;
      }[]
    | string;
}

/** One query from cookie token to actor: the session, its active user and their live assignments. */
export async function loadSession(executor: Executor, token: string, now: Date): Promise<LoadedSession | null> {
  const rows = await queryRows<SessionRow>(
    executor,
    sql`
    select s.id as session_id, s.csrf_token, s.is_second_factor_pending, s.last_seen_at,
           u.id as user_id, u.username, u.full_name, u.org_unit_id, u.agency_id, u.must_change_password, u.totp_enabled,
           coalesce((
             select json_agg(json_build_object(
               'id', a.id, 'roleId', r.id, 'roleCode', r.code, 'permissions', r.permissions,
               'orgUnitId', a.org_unit_id, 'agencyId', a.agency_id, 'scope', a.scope, 'requiresTotp', r.requires_totp))
             from user_assignments a join roles r on r.id = a.role_id
             where a.user_id = u.id and a.revoked_at is null
           ), '[]'::json) as assignments
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sha256Hex(token)} and s.expires_at > ${now.toISOString()}::timestamptz and u.status = 'active'`,
  );
  const row = rows[0];
  if (!row) return null;
  const rawAssignments =
    typeof row.assignments === 'string' ? (JSON.parse(row.assignments) as Exclude<SessionRow['assignments'], string>) : row.assignments;
  const assignments: Assignment[] = rawAssignments.map((a) => ({
    id: a.id,
    roleId: a.roleId,
    roleCode: a.roleCode,
    permissions: a.permissions.filter(isPermission),
    orgUnitId: a.orgUnitId,
    agencyId: a.agencyId,
    scope: a.scope,
  }));
  const user: SessionUser = {
    id: row.user_id,
    username: row.username,
    fullName: row.full_name,
    orgUnitId: row.org_unit_id,
    agencyId: row.agency_id,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
  };
  return {
    id: row.session_id,
    csrfToken: row.csrf_token,
    isSecondFactorPending: row.is_second_factor_pending,
    lastSeenAt: new Date(row.last_seen_at),
    user,
    actor: { userId: user.id, username: user.username, orgUnitId: user.orgUnitId, agencyId: user.agencyId, assignments },
    isSecondFactorRequiredByRole: rawAssignments.some((a) => a.requiresTotp),
  };
}

export async function touchSession(executor: Executor, sessionId: string, now: Date): Promise<void> {
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(executor: Executor, sessionId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(executor: Executor, userId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}

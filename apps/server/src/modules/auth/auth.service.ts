import type { Database } from '@atmis/db';
import { checkPasswordPolicy, PASSWORD_PROBLEM_LABELS, type Locale, type Me } from '@atmis/domain';
import type { AppConfig } from '../../config.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { createLoginThrottle, lockMinutesLeft } from '../../platform/auth/login-throttle.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { isSecondFactorSetupNeeded } from '../../platform/auth/request-guard.ts';
import { createSession, deleteSession, deleteUserSessions, type LoadedSession } from '../../platform/auth/session-store.ts';
import { isTotpCodeValid, newTotpSecret, totpUrl } from '../../platform/auth/totp.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  assignmentNamesOf,
  countLoginAttempt,
  deleteOtherSessions,
  findAccount,
  findAccountByUsername,
  lockedUntilOf,
  markSecondFactorPassed,
  profileOf,
  secondFactorOf,
  updateAccount,
} from './auth.repository.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.ts';

export interface AuthServiceDeps {
  db: Database;
  config: AppConfig;
  clock: () => Date;
  cipher: FieldCipher;
}

export type LoginOutcome = { token: string; csrfToken: string; isSecondFactorPending: boolean };

export function createAuthService({ db, config, clock, cipher }: AuthServiceDeps) {
  const throttle = createLoginThrottle(config.lockout);

  /**
   * Sign-in. Real and unknown usernames get the same answers (401 until the lockout threshold,
   * then 429 auth.account_locked), at about the same cost (an argon2 check either way). Every
   * attempt is counted before its password is checked, so simultaneous attempts cannot slip past
   * the lockout; one address that keeps failing is stopped on every account.
   * A session the browser still carried (`previous`) ends when the new one begins.
   */
  async function login(
    username: string,
    password: string,
    context: AuditContext,
    previous: LoadedSession | null = null,
  ): Promise<LoginOutcome> {
    const now = clock();
    const normalizedUsername = username.trim().toLowerCase();
    const address = context.ip ?? 'unknown';
    const reservation = throttle.reserveAddress(address, now);
    if (reservation !== 'reserved') {
      if (reservation === 'refused_first') {
        await db.transaction((tx) =>
          recordAudit(
            tx,
            { ...context, actorUserId: null, actorUsername: null },
            {
              action: 'auth.login_failed',
              entityType: 'user',
              details: { username: normalizedUsername.slice(0, 100), reason: 'address_throttled' },
            },
            now,
          ),
        );
      }
      throw new AppError('auth.too_many_requests');
    }
    const user = await findAccountByUsername(db, normalizedUsername);
    if (!user) return refuseUnknownUser(normalizedUsername, password, context, now);
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError('auth.account_locked', { minutes: lockMinutesLeft(user.lockedUntil, now) });
    }
    const counted = await countLoginAttempt(db, user.id, config.lockout, now);
    if (!counted) {
      // Another attempt locked the account since it was read.
      const lockedUntil = await lockedUntilOf(db, user.id);
      throw new AppError('auth.account_locked', {
        minutes: lockedUntil ? lockMinutesLeft(lockedUntil, now) : config.lockout.minutes,
      });
    }
    const isPasswordRight = await verifyPassword(user.passwordHash, password);
    if (!isPasswordRight) {
      const isLockingNow = counted.failures === config.lockout.maxFailures;
      await db.transaction(async (tx) => {
        await recordAudit(
          tx,
          { ...context, actorUserId: null, actorUsername: null },
          {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            orgUnitId: user.orgUnitId,
            details: { username: user.username, failures: counted.failures },
          },
          now,
        );
        if (isLockingNow) {
          await recordAudit(
            tx,
            { ...context, actorUserId: null, actorUsername: null },
            {
              action: 'auth.account_locked',
              entityType: 'user',
              entityId: user.id,
              orgUnitId: user.orgUnitId,
              details: { username: user.username, minutes: config.lockout.minutes },
            },
            now,
          );
        }
      });
      if (counted.lockedUntil && counted.lockedUntil > now) {
        throw new AppError('auth.account_locked', { minutes: lockMinutesLeft(counted.lockedUntil, now) });
      }
      throw new AppError('auth.invalid_credentials');
    }
    if (user.status !== 'active') throw new AppError('auth.account_disabled');
    throttle.refundAddress(address, now);
    const isSecondFactorPending = user.totpEnabled;
    return db.transaction(async (tx) => {
      await updateAccount(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
      if (previous) {
        // Whoever signs in on this browser, the session it carried ends here, server-side.
        await deleteSession(tx, previous.id);
        await recordAudit(
          tx,
          { ...context, actorUserId: previous.user.id, actorUsername: previous.user.username },
          {
            action: 'auth.logout',
            entityType: 'user',
            entityId: previous.user.id,
            orgUnitId: previous.user.orgUnitId,
            details: { reason: 'replaced_by_login', nextUsername: user.username },
          },
          now,
        );
      }
      const created = await createSession(tx, {
        userId: user.id,
        ip: context.ip,
        userAgent: context.userAgent,
        hours: config.sessionHours,
        isSecondFactorPending,
        now,
      });
      await recordAudit(
        tx,
        { ...context, actorUserId: user.id, actorUsername: user.username },
        {
          action: 'auth.login_succeeded',
          entityType: 'user',
          entityId: user.id,
          orgUnitId: user.orgUnitId,
          details: { secondFactorPending: isSecondFactorPending },
        },
        now,
      );
      return { ...created, isSecondFactorPending };
    });
  }

  /** The same steps, cost and answers as a wrong password on a real account. */
  async function refuseUnknownUser(username: string, password: string, context: AuditContext, now: Date): Promise<never> {
    const runningLock = throttle.unknownLockedUntil(username, now);
    if (runningLock) throw new AppError('auth.account_locked', { minutes: lockMinutesLeft(runningLock, now) });
    const counted = throttle.countUnknownFailure(username, now);
    await burnPasswordCheck(password);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { ...context, actorUserId: null, actorUsername: null },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          details: { username: username.slice(0, 100), reason: 'unknown_user', failures: counted.failures },
        },
        now,
      ),
    );
    if (counted.lockedUntil) throw new AppError('auth.account_locked', { minutes: lockMinutesLeft(counted.lockedUntil, now) });
    throw new AppError('auth.invalid_credentials');
  }

  async function verifySecondFactor(session: LoadedSession, code: string, context: AuditContext): Promise<void> {
    const user = await secondFactorOf(db, session.user.id);
    if (!user?.secret || !isTotpCodeValid(openTotpSecret(cipher, user.secret), code, clock().getTime())) {
      await db.transaction((tx) =>
        recordAudit(
          tx,
          context,
          { action: 'auth.second_factor_failed', entityType: 'user', entityId: session.user.id, orgUnitId: session.user.orgUnitId },
          clock(),
        ),
      );
      throw new AppError('auth.second_factor_invalid');
    }
    await markSecondFactorPassed(db, session.id);
  }

  async function logout(session: LoadedSession, context: AuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      await deleteSession(tx, session.id);
      await recordAudit(
        tx,
        context,
        { action: 'auth.logout', entityType: 'user', entityId: session.user.id, orgUnitId: session.user.orgUnitId },
        clock(),
      );
    });
  }

  async function changePassword(
    session: LoadedSession,
    currentPassword: string,
    newPassword: string,
    locale: Locale,
    context: AuditContext,
  ): Promise<void> {
    const user = await findAccount(db, session.user.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('auth.password_wrong');
    assertPasswordPolicy(newPassword, user.username, locale);
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw new AppError('auth.password_weak', {
        reasons: locale === 'en' ? 'must differ from the current password' : 'phải khác mật khẩu hiện tại',
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await updateAccount(tx, user.id, { passwordHash, passwordChangedAt: clock(), mustChangePassword: false, updatedAt: clock() });
      // Other sessions of this account end; the current one stays.
      await deleteOtherSessions(tx, user.id, session.id);
      await recordAudit(
        tx,
        context,
        { action: 'auth.password_changed', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId },
        clock(),
      );
    });
  }

  async function beginSecondFactorSetup(session: LoadedSession): Promise<{ secret: string; otpauthUrl: string }> {
    const secret = newTotpSecret();
    await updateAccount(db, session.user.id, { totpSecret: sealTotpSecret(cipher, secret), totpEnabled: false });
    return { secret, otpauthUrl: totpUrl(secret, session.user.username) };
  }

  async function enableSecondFactor(session: LoadedSession, code: string, context: AuditContext): Promise<void> {
    const user = await secondFactorOf(db, session.user.id);
    if (!user?.secret || user.enabled || !isTotpCodeValid(openTotpSecret(cipher, user.secret), code, clock().getTime()))
      throw new AppError('auth.second_factor_invalid');
    await db.transaction(async (tx) => {
      await updateAccount(tx, session.user.id, { totpEnabled: true, updatedAt: clock() });
      await recordAudit(
        tx,
        context,
        { action: 'auth.second_factor_enabled', entityType: 'user', entityId: session.user.id, orgUnitId: session.user.orgUnitId },
        clock(),
      );
    });
  }

  async function describeMe(session: LoadedSession): Promise<Me> {
    const user = await profileOf(db, session.user.id);
    const assignmentRows = await assignmentNamesOf(db, session.user.id);
    const names = new Map(assignmentRows.map((row) => [row.id, row]));
    const permissions = [...new Set(session.actor.assignments.flatMap((a) => a.permissions))].sort();
    return {
      user: {
        id: session.user.id,
        username: session.user.username,
        fullName: session.user.fullName,
        email: user?.email ?? null,
        orgUnitId: session.user.orgUnitId,
        orgUnitName: user?.orgUnitName ?? session.user.orgUnitId,
        agencyId: session.user.agencyId,
        agencyName: user?.agencyName ?? null,
        mustChangePassword: session.user.mustChangePassword,
        totpEnabled: session.user.totpEnabled,
      },
      assignments: session.actor.assignments.map((a) => ({
        id: a.id,
        roleId: a.roleId,
        roleCode: a.roleCode,
        roleName: names.get(a.id)?.role_name ?? a.roleCode,
        permissions: [...a.permissions],
        orgUnitId: a.orgUnitId,
        orgUnitName: names.get(a.id)?.org_unit_name ?? a.orgUnitId,
        agencyId: a.agencyId,
        agencyName: names.get(a.id)?.agency_name ?? null,
        scope: a.scope,
      })),
      permissions,
      secondFactorRequired: isSecondFactorSetupNeeded(session, config),
    };
  }

  return {
    login,
    verifySecondFactor,
    logout,
    changePassword,
    beginSecondFactorSetup,
    enableSecondFactor,
    describeMe,
    deleteUserSessions: (userId: string) => deleteUserSessions(db, userId),
  };
}

export function assertPasswordPolicy(password: string, username: string, locale: Locale): void {
  const problems = checkPasswordPolicy(password, username);
  if (problems.length) {
    throw new AppError('auth.password_weak', { reasons: problems.map((p) => PASSWORD_PROBLEM_LABELS[p][locale]).join(', ') });
  }
}

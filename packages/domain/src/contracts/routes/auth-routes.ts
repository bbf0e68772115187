import {
  changePasswordBodySchema,
  loginBodySchema,
  loginResultSchema,
  meSchema,
  secondFactorBodySchema,
  totpSetupSchema,
} from '../auth.ts';
import { okSchema } from '../common.ts';
import { defineRoutes } from '../route-contract.ts';

/**
 * Sign-in and the session: login is public; the others are `limited`, reachable while the second
 * factor or a password change is still pending (each handler refuses what that state does not allow).
 */
export const authRouteContracts = defineRoutes({
  login: {
    method: 'POST',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Đăng nhập',
    access: 'public',
    // A flood guard only (argon2 is costly): failures have their own, tighter budget per address
    // and per account in the service, so many officials behind one address can still sign in.
    rateLimitPerMinute: 120,
    body: loginBodySchema,
    response: { 200: loginResultSchema },
    problems: ['auth.invalid_credentials', 'auth.account_locked', 'auth.account_disabled'],
  },
  verifySecondFactor: {
    method: 'POST',
    path: '/auth/second-factor/verify',
    tags: ['auth'],
    summary: 'Xác thực mã hai lớp sau khi đăng nhập',
    access: 'limited',
    rateLimitPerMinute: 20,
    body: secondFactorBodySchema,
    response: { 200: meSchema },
    problems: ['auth.second_factor_invalid'],
  },
  logout: {
    method: 'POST',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'Đăng xuất',
    access: 'limited',
    response: { 200: okSchema },
  },
  getMe: {
    method: 'GET',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'Người dùng hiện tại và các phân công',
    access: 'limited',
    response: { 200: meSchema },
  },
  changePassword: {
    method: 'POST',
    path: '/auth/password',
    tags: ['auth'],
    summary: 'Đổi mật khẩu',
    access: 'limited',
    rateLimitPerMinute: 20,
    body: changePasswordBodySchema,
    response: { 200: okSchema },
    problems: ['auth.password_wrong', 'auth.password_weak'],
  },
  beginSecondFactorSetup: {
    method: 'POST',
    path: '/auth/second-factor/setup',
    tags: ['auth'],
    summary: 'Bắt đầu thiết lập xác thực hai lớp (TOTP)',
    access: 'limited',
    response: { 200: totpSetupSchema },
  },
  enableSecondFactor: {
    method: 'POST',
    path: '/auth/second-factor/enable',
    tags: ['auth'],
    summary: 'Bật xác thực hai lớp bằng mã đầu tiên',
    access: 'limited',
    rateLimitPerMinute: 20,
    body: secondFactorBodySchema,
    response: { 200: okSchema },
    problems: ['auth.second_factor_invalid'],
  },
});

import type { Me } from '@atmis/domain';
import type { changePasswordBodySchema, loginBodySchema } from '@atmis/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../../app/auth/me-query.ts';
import { api } from '../../../lib/api.ts';
import type { Input, LoginResult, Ok, TotpSetup } from '../../../lib/contracts.ts';

export type LoginBody = Input<typeof loginBodySchema>;
export type ChangePasswordBody = Input<typeof changePasswordBodySchema>;

export function login(body: LoginBody): Promise<LoginResult> {
  // A wrong password is a 401 that belongs on the form, not a redirect.
  return api.post<LoginResult>('/auth/login', body, { isAuthRedirectSkipped: true });
}

export function verifySecondFactor(code: string): Promise<Me> {
  return api.post<Me>('/auth/second-factor/verify', { code }, { isAuthRedirectSkipped: true });
}

export function logout(): Promise<Ok> {
  return api.post<Ok>('/auth/logout', undefined, { isAuthRedirectSkipped: true });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<Ok>('/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

export function useBeginSecondFactorSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/auth/second-factor/setup') });
}

export function useEnableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Ok>('/auth/second-factor/enable', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

import type { changePasswordBodySchema, loginBodySchema } from '@atmis/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../../app/auth/me-query.ts';
import { client, clientWithoutAuthRedirect, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type LoginBody = Input<typeof loginBodySchema>;
export type ChangePasswordBody = Input<typeof changePasswordBodySchema>;

export function login(body: LoginBody) {
  // A wrong password is a 401 that belongs on the form, not a redirect.
  return unwrap(clientWithoutAuthRedirect.POST('/api/v1/auth/login', { body }));
}

export function verifySecondFactor(code: string) {
  return unwrap(clientWithoutAuthRedirect.POST('/api/v1/auth/second-factor/verify', { body: { code } }));
}

export function logout() {
  return unwrap(clientWithoutAuthRedirect.POST('/api/v1/auth/logout'));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => unwrap(client.POST('/api/v1/auth/password', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

export function useBeginSecondFactorSetup() {
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/v1/auth/second-factor/setup')) });
}

export function useEnableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(client.POST('/api/v1/auth/second-factor/enable', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

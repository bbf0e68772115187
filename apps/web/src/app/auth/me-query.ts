import type { Me, Permission } from '@atmis/domain';
import { queryOptions } from '@tanstack/react-query';
import { clientWithoutAuthRedirect, unwrap } from '../../lib/api.ts';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in person; route guards handle 401 themselves, so this call never redirects. */
export const meQueryOptions = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => unwrap(clientWithoutAuthRedirect.GET('/api/v1/auth/me', { signal })),
  staleTime: 5 * 60_000,
  retry: false,
});

export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

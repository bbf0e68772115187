import type { Me, Permission } from '@atmis/domain';
import { useQuery } from '@tanstack/react-query';
import { hasPermission, meQueryOptions } from './me-query.ts';

/** The signed-in person. Inside the protected layout the route guard has already loaded it. */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions);
  if (!data) throw new Error('useMe() used outside the signed-in layout');
  return data;
}

export function useOptionalMe(): Me | undefined {
  return useQuery(meQueryOptions).data;
}

/** Whether the person holds a permission anywhere; the server still decides per record. */
export function useCan(permission: Permission): boolean {
  return hasPermission(useOptionalMe(), permission);
}

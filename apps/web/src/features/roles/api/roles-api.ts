import type { RoleView } from '@atmis/domain';
import type { roleBodySchema, updateRoleBodySchema } from '@atmis/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type RoleBody = Input<typeof roleBodySchema>;
export type UpdateRoleBody = Input<typeof updateRoleBodySchema>;

const rolesKey = ['roles'] as const;

export function useRoleList() {
  return useQuery({ queryKey: [...rolesKey, 'list'], queryFn: ({ signal }) => api.get<RoleView[]>('/roles', undefined, signal) });
}

export function useSaveRole(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleBody) => {
      if (id === null) return api.post<RoleView>('/roles', body);
      const { code: _code, ...update } = body;
      return api.patch<RoleView>(`/roles/${encodeURIComponent(id)}`, update satisfies UpdateRoleBody);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

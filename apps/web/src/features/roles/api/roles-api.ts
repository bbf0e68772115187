import type { roleBodySchema, updateRoleBodySchema } from '@atmis/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type RoleBody = Input<typeof roleBodySchema>;
export type UpdateRoleBody = Input<typeof updateRoleBodySchema>;

const rolesKey = ['roles'] as const;

export function useRoleList() {
  return useQuery({ queryKey: [...rolesKey, 'list'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/roles', { signal })) });
}

export function useSaveRole(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleBody) => {
      if (id === null) return unwrap(client.POST('/api/v1/roles', { body }));
      const { code: _code, ...update } = body;
      return unwrap(client.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body: update satisfies UpdateRoleBody }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

import type { CreatePlanImportBody, UpdatePlanImportBody } from '@atmis/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import { plansKey } from './plans-api.ts';

const importsKey = ['plan-imports'] as const;

export function useCreatePlanImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanImportBody) => unwrap(client.POST('/api/v1/plan-imports', { body })),
    onSuccess: (view) => queryClient.setQueryData([...importsKey, view.id], view),
  });
}

export function usePlanImport(id: string) {
  return useQuery({
    queryKey: [...importsKey, id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/plan-imports/{id}', { params: { path: { id } }, signal })),
  });
}

export function useUpdatePlanImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlanImportBody) => unwrap(client.PATCH('/api/v1/plan-imports/{id}', { params: { path: { id } }, body })),
    onSuccess: (view) => queryClient.setQueryData([...importsKey, id], view),
  });
}

export function useConfirmPlanImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/plan-imports/{id}/confirm', { params: { path: { id } } })),
    onSuccess: async (plan) => {
      queryClient.setQueryData([...plansKey, 'detail', plan.id], plan);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...importsKey, id] }),
        queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

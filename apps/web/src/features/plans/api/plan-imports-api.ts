import type { CreatePlanImportBody, PlanDetail, PlanImportView, UpdatePlanImportBody } from '@atmis/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { plansKey } from './plans-api.ts';

const importsKey = ['plan-imports'] as const;

export function useCreatePlanImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanImportBody) => api.post<PlanImportView>('/plan-imports', body),
    onSuccess: (view) => queryClient.setQueryData([...importsKey, view.id], view),
  });
}

export function usePlanImport(id: string) {
  return useQuery({
    queryKey: [...importsKey, id],
    queryFn: ({ signal }) => api.get<PlanImportView>(`/plan-imports/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useUpdatePlanImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlanImportBody) => api.patch<PlanImportView>(`/plan-imports/${encodeURIComponent(id)}`, body),
    onSuccess: (view) => queryClient.setQueryData([...importsKey, id], view),
  });
}

export function useConfirmPlanImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PlanDetail>(`/plan-imports/${encodeURIComponent(id)}/confirm`),
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

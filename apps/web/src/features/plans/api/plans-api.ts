import type { CreateTaskBody, PlanView } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl, client, unwrap } from '../../../lib/api.ts';

export type PlanStatus = PlanView['status'];
export const PLAN_STATUSES: PlanStatus[] = ['draft', 'issued', 'superseded'];

export interface PlanListFilter {
  q?: string | undefined;
  status?: PlanStatus | undefined;
  parentPlanId?: string | undefined;
}

const PAGE_SIZE = 20;
export const plansKey = ['plans'] as const;

export function usePlanList(filter: PlanListFilter) {
  return useInfiniteQuery({
    queryKey: [...plansKey, 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/plans', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam, q: filter.q, status: filter.status, parentPlanId: filter.parentPlanId } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: [...plansKey, 'detail', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/plans/{id}', { params: { path: { id } }, signal })),
  });
}

export function useIssuePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/plans/{id}/issue', { params: { path: { id } } })),
    onSuccess: (plan) => {
      queryClient.setQueryData([...plansKey, 'detail', id], plan);
      return queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] });
    },
  });
}

/** Where the server serves a plan's exports (a plain link: the browser downloads with the session cookie). */
export const planExportUrls = (id: string) => ({
  docx: buildUrl('/api/v1/plans/{id}/export.docx', { path: { id } }),
  xlsx: buildUrl('/api/v1/plans/{id}/tasks.xlsx', { path: { id } }),
});

/** Refreshes a plan and the task lists after a change to its tasks or files. */
function useInvalidatePlan(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...plansKey, 'detail', id] }),
      queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}

/** A task added to the plan by whoever manages it (`update` in the plan's allowed actions). */
export function useCreatePlanTask(planId: string) {
  const invalidate = useInvalidatePlan(planId);
  return useMutation({
    mutationFn: (body: CreateTaskBody) => unwrap(client.POST('/api/v1/plans/{id}/tasks', { params: { path: { id: planId } }, body })),
    onSuccess: () => invalidate(),
  });
}

/** Files already uploaded (POST /files) attached to the plan: the signed document, annexes. */
export function useAttachPlanFiles(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileIds: string[]) =>
      unwrap(client.POST('/api/v1/plans/{id}/attachments', { params: { path: { id: planId } }, body: { fileIds } })),
    onSuccess: (plan) => {
      if (plan && typeof plan === 'object' && 'id' in plan) queryClient.setQueryData([...plansKey, 'detail', planId], plan);
      return queryClient.invalidateQueries({ queryKey: [...plansKey, 'detail', planId] });
    },
  });
}

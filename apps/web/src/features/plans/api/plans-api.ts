import type { PlanDetail, PlanView } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api.ts';
import type { Page } from '../../../lib/contracts.ts';

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
      api.get<Page<PlanView>>(
        '/plans',
        { limit: PAGE_SIZE, cursor: pageParam, q: filter.q, status: filter.status, parentPlanId: filter.parentPlanId },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: [...plansKey, 'detail', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/plans/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useIssuePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PlanDetail>(`/plans/${encodeURIComponent(id)}/issue`),
    onSuccess: (plan) => {
      queryClient.setQueryData([...plansKey, 'detail', id], plan);
      return queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] });
    },
  });
}

/** Where the server serves a plan's exports (a plain link: the browser downloads with the session cookie). */
export const planExportUrls = (id: string) => ({
  docx: buildUrl(`/plans/${encodeURIComponent(id)}/export.docx`),
  xlsx: buildUrl(`/plans/${encodeURIComponent(id)}/tasks.xlsx`),
});

import type { AgencyView } from '@atmis/domain';
import type { createAgencyBodySchema, mergeAgencyBodySchema, renameAgencyBodySchema, updateAgencyBodySchema } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AgencyHistoryEntry, Input, Page } from '../../../lib/contracts.ts';

export type CreateAgencyBody = Input<typeof createAgencyBodySchema>;
export type UpdateAgencyBody = Input<typeof updateAgencyBodySchema>;
export type RenameAgencyBody = Input<typeof renameAgencyBodySchema>;
export type MergeAgencyBody = Input<typeof mergeAgencyBodySchema>;

export interface AgencyListFilter {
  q?: string | undefined;
  orgUnitId?: string | undefined;
  type?: string | undefined;
  includeInactive?: boolean;
}

const agenciesKey = ['agencies'] as const;

export function useAgencyList(filter: AgencyListFilter) {
  return useInfiniteQuery({
    queryKey: [...agenciesKey, 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AgencyView>>(
        '/agencies',
        {
          limit: 20,
          cursor: pageParam,
          q: filter.q,
          orgUnitId: filter.orgUnitId,
          type: filter.type,
          includeInactive: filter.includeInactive ? 'true' : undefined,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAgencyHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...agenciesKey, 'history', id],
    queryFn: ({ signal }) => api.get<AgencyHistoryEntry[]>(`/agencies/${encodeURIComponent(id ?? '')}/history`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useAgencyMutation<TBody>(mutationFn: (body: TBody) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesKey }) });
}

export function useCreateAgency() {
  return useAgencyMutation((body: CreateAgencyBody) => api.post<AgencyView>('/agencies', body));
}

export function useUpdateAgency(id: string) {
  return useAgencyMutation((body: UpdateAgencyBody) => api.patch<AgencyView>(`/agencies/${encodeURIComponent(id)}`, body));
}

export function useRenameAgency(id: string) {
  return useAgencyMutation((body: RenameAgencyBody) => api.post<AgencyView>(`/agencies/${encodeURIComponent(id)}/rename`, body));
}

export function useMergeAgency(id: string) {
  return useAgencyMutation((body: MergeAgencyBody) => api.post<AgencyView>(`/agencies/${encodeURIComponent(id)}/merge`, body));
}

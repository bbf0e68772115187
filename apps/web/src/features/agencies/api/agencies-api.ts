import type { createAgencyBodySchema, mergeAgencyBodySchema, renameAgencyBodySchema, updateAgencyBodySchema } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

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
      unwrap(
        client.GET('/api/v1/agencies', {
          params: {
            query: {
              limit: 20,
              cursor: pageParam,
              q: filter.q,
              orgUnitId: filter.orgUnitId,
              type: filter.type,
              includeInactive: filter.includeInactive ? 'true' : undefined,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAgencyHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...agenciesKey, 'history', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/agencies/{id}/history', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

function useAgencyMutation<TBody>(mutationFn: (body: TBody) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesKey }) });
}

export function useCreateAgency() {
  return useAgencyMutation((body: CreateAgencyBody) => unwrap(client.POST('/api/v1/agencies', { body })));
}

export function useUpdateAgency(id: string) {
  return useAgencyMutation((body: UpdateAgencyBody) => unwrap(client.PATCH('/api/v1/agencies/{id}', { params: { path: { id } }, body })));
}

export function useRenameAgency(id: string) {
  return useAgencyMutation((body: RenameAgencyBody) =>
    unwrap(client.POST('/api/v1/agencies/{id}/rename', { params: { path: { id } }, body })),
  );
}

export function useMergeAgency(id: string) {
  return useAgencyMutation((body: MergeAgencyBody) =>
    unwrap(client.POST('/api/v1/agencies/{id}/merge', { params: { path: { id } }, body })),
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';

export type OrgUnitEra = 'current' | 'pre2025' | 'all';

export interface OrgUnitListFilter {
  q?: string | undefined;
  parentId?: string | undefined;
  era: OrgUnitEra;
}

export function useOrgUnitList(filter: OrgUnitListFilter) {
  return useInfiniteQuery({
    queryKey: ['org-units', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/org-units', {
          params: { query: { limit: 50, cursor: pageParam, q: filter.q, parentId: filter.parentId, era: filter.era } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

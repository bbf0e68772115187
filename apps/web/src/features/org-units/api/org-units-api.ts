import type { OrgUnitView } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Page } from '../../../lib/contracts.ts';

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
      api.get<Page<OrgUnitView>>(
        '/org-units',
        { limit: 50, cursor: pageParam, q: filter.q, parentId: filter.parentId, era: filter.era },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

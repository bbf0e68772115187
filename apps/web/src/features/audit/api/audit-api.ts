import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
}

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/audit-events', {
          params: { query: { limit: 50, cursor: pageParam, action: filter.action, entityType: filter.entityType, actor: filter.actor } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/v1/audit/verify')) });
}

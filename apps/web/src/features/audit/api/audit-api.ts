import type { AuditEventView } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AuditVerification, Page } from '../../../lib/contracts.ts';

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
}

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEventView>>(
        '/audit-events',
        { limit: 50, cursor: pageParam, action: filter.action, entityType: filter.entityType, actor: filter.actor },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerification>('/audit/verify') });
}

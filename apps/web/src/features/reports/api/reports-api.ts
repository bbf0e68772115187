import type {
  acceptReportBodySchema,
  extendReportBodySchema,
  ReportDetail,
  ReportView,
  returnReportBodySchema,
  SaveReportBody,
  submitReportBodySchema,
  unlockReportBodySchema,
} from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { buildUrl, client, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type ReportStatus = ReportView['status'];
export type ReportAction = ReportView['allowedActions'][number];
export type ReportKind = ReportView['kind'];

export const REPORT_INBOX_VIEWS = ['mine', 'addressed', 'all'] as const;
export type ReportInboxView = (typeof REPORT_INBOX_VIEWS)[number];

export const REPORT_SORTS = ['-updatedAt', 'dueDate', '-period'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface ReportListFilter {
  view: ReportInboxView;
  q?: string | undefined;
  status?: ReportStatus | undefined;
  kind?: ReportKind | undefined;
  scheduleId?: string | undefined;
  periodId?: string | undefined;
  sort?: ReportSort | undefined;
}

export const reportsKey = ['reports'] as const;
export const reportListKey = [...reportsKey, 'list'] as const;
export const reportDetailKey = (id: string) => [...reportsKey, 'detail', id] as const;

export function useReportList(filter: ReportListFilter, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...reportListKey, filter, pageSize],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/reports', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              view: filter.view,
              q: filter.q,
              status: filter.status,
              kind: filter.kind,
              scheduleId: filter.scheduleId,
              periodId: filter.periodId,
              sort: filter.sort,
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

export const fetchReport = (id: string, signal?: AbortSignal): Promise<ReportDetail> =>
  unwrap(client.GET('/api/v1/reports/{id}', { params: { path: { id } }, signal }));

export function reportQueryOptions(id: string) {
  return { queryKey: reportDetailKey(id), queryFn: ({ signal }: { signal?: AbortSignal }) => fetchReport(id, signal) };
}

export function useReport(id: string) {
  return useQuery(reportQueryOptions(id));
}

/** The latest server copy, bypassing the cache (used to re-apply the user's changes on top of it). */
export function fetchLatestReport(queryClient: QueryClient, id: string): Promise<ReportDetail> {
  return queryClient.fetchQuery({ ...reportQueryOptions(id), staleTime: 0 });
}

const isReportDetail = (value: unknown): value is ReportDetail =>
  typeof value === 'object' && value !== null && 'id' in value && 'template' in value && 'content' in value;

/** After any change: the detail takes the server's answer, lists and the schedules' matrices refresh. */
export function refreshAfterChange(queryClient: QueryClient, id: string, answer: unknown): Promise<unknown> {
  if (isReportDetail(answer)) queryClient.setQueryData(reportDetailKey(id), answer);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reportListKey }),
    queryClient.invalidateQueries({ queryKey: ['report-schedules'] }),
    isReportDetail(answer) ? Promise.resolve() : queryClient.invalidateQueries({ queryKey: reportDetailKey(id) }),
  ]);
}

/** PUT the content with the version the editor loaded; the caller updates the cache (see useReportEditor). */
export function useSaveReport(id: string) {
  return useMutation({
    mutationFn: (body: SaveReportBody) => unwrap(client.PUT('/api/v1/reports/{id}/content', { params: { path: { id } }, body })),
  });
}

/** The transitions posted to `/reports/{id}/{path}` with the body each contract takes; `extend` is the deadline change. */
export type ReportActionCall =
  | { action: 'submit' | 'resubmit'; body: Input<typeof submitReportBodySchema> }
  | { action: 'return'; body: Input<typeof returnReportBodySchema> }
  | { action: 'accept'; body: Input<typeof acceptReportBodySchema> }
  | { action: 'lock'; body?: undefined }
  | { action: 'unlock'; body: Input<typeof unlockReportBodySchema> }
  | { action: 'extend'; body: Input<typeof extendReportBodySchema> };

const ACTION_PATHS = {
  submit: 'submit',
  resubmit: 'submit',
  return: 'return',
  accept: 'accept',
  lock: 'lock',
  unlock: 'unlock',
  extend: 'deadline',
} as const satisfies Record<ReportActionCall['action'], string>;

const postReportAction = (id: string, { action, body }: ReportActionCall) =>
  unwrap(client.POST(`/api/v1/reports/{id}/${ACTION_PATHS[action]}` as const, { params: { path: { id } }, body }));

export function useReportAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: ReportActionCall) => postReportAction(id, call),
    onSuccess: (answer) => refreshAfterChange(queryClient, id, answer),
  });
}

export const reportExportUrls = (id: string) => ({
  docx: buildUrl('/api/v1/reports/{id}/export.docx', { path: { id } }),
  xlsx: buildUrl('/api/v1/reports/{id}/export.xlsx', { path: { id } }),
});

import type {
  AgencyView,
  createReportScheduleBodySchema,
  remindersResultSchema,
  SubmissionMatrix,
  UpdateReportScheduleBody,
} from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Input, Output } from '../../../lib/contracts.ts';

export type CreateReportScheduleInput = Input<typeof createReportScheduleBodySchema>;
export type RemindersResult = Output<typeof remindersResultSchema>;
export type MatrixCell = SubmissionMatrix['rows'][number]['cells'][number];
export type SubmissionStateKind = MatrixCell['state'];

export const reportSchedulesKey = ['report-schedules'] as const;

export interface ScheduleListFilter {
  q?: string | undefined;
  orgUnitId?: string | undefined;
  active?: boolean | undefined;
}

export function useScheduleList(filter: ScheduleListFilter, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...reportSchedulesKey, 'list', filter, pageSize],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/report-schedules', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              q: filter.q,
              orgUnitId: filter.orgUnitId,
              active: filter.active === undefined ? undefined : filter.active ? 'true' : 'false',
              sort: 'name',
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

export function useSchedule(id: string) {
  return useQuery({
    queryKey: [...reportSchedulesKey, 'detail', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/report-schedules/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportScheduleInput) => unwrap(client.POST('/api/v1/report-schedules', { body })),
    onSuccess: (schedule) => {
      queryClient.setQueryData([...reportSchedulesKey, 'detail', schedule.id], schedule);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...reportSchedulesKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...reportSchedulesKey, 'proposals'] }),
      ]);
    },
  });
}

export function useUpdateSchedule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReportScheduleBody) =>
      unwrap(client.PATCH('/api/v1/report-schedules/{id}', { params: { path: { id } }, body })),
    onSuccess: (schedule) => {
      queryClient.setQueryData([...reportSchedulesKey, 'detail', id], schedule);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...reportSchedulesKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...reportSchedulesKey, 'matrix', id] }),
      ]);
    },
  });
}

/** The schedules proposed from a plan's reporting regime (one per rule). */
export function useScheduleProposals(planId: string | undefined) {
  return useQuery({
    queryKey: [...reportSchedulesKey, 'proposals', planId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/plans/{id}/report-schedule-proposals', { params: { path: { id: planId ?? '' } }, signal })),
    enabled: Boolean(planId),
  });
}

/** Units × periods; without a range the server shows the last periods up to the current one. */
export function useSubmissionMatrix(id: string, range: { from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: [...reportSchedulesKey, 'matrix', id, range.from ?? null, range.to ?? null],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/report-schedules/{id}/matrix', { params: { path: { id }, query: { from: range.from, to: range.to } }, signal }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sums the unit reports of a period into the standing office's consolidated report. */
export function useConsolidate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ periodId, regatherNarratives }: { periodId: string; regatherNarratives: boolean }) =>
      unwrap(
        client.POST('/api/v1/report-schedules/{id}/periods/{periodId}/consolidate', {
          params: { path: { id, periodId } },
          body: { regatherNarratives },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...reportSchedulesKey, 'matrix', id] }),
        queryClient.invalidateQueries({ queryKey: ['reports'] }),
      ]),
  });
}

/** Notifies the units that have not submitted for a period. */
export function useRemind(id: string) {
  return useMutation({
    mutationFn: (periodId: string) =>
      unwrap(client.POST('/api/v1/report-schedules/{id}/reminders', { params: { path: { id } }, body: { periodId } })),
  });
}

/** Every active agency matching a query, page after page (at most `maxPages` of 100). */
export async function fetchAllAgencies(
  query: { orgUnitId?: string | undefined; type?: string | undefined; q?: string | undefined },
  signal?: AbortSignal,
  maxPages = 50,
): Promise<AgencyView[]> {
  const agencies: AgencyView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await unwrap(client.GET('/api/v1/agencies', { params: { query: { ...query, limit: 100, cursor } }, signal }));
    agencies.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return agencies;
}

import type {
  TaskView,
  UpdateTaskBody,
  taskAcceptBodySchema,
  taskChaseBodySchema,
  taskCommentBodySchema,
  taskContributionBodySchema,
  taskProgressBodySchema,
  taskSubmitBodySchema,
  uploadFileBodySchema,
} from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl, client, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type TaskStatus = TaskView['status'];
export type TaskAction = TaskView['allowedActions'][number];
export const TASK_STATUS_ORDER: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted', 'cancelled'];

export interface TaskListFilter {
  q?: string | undefined;
  planId?: string | undefined;
  agencyId?: string | undefined;
  status?: TaskStatus | undefined;
  overdue?: boolean | undefined;
  dueSoon?: boolean | undefined;
  mine?: boolean | undefined;
}

export const tasksKey = ['tasks'] as const;
const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export function useTaskList(filter: TaskListFilter, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', filter, pageSize],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/tasks', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              q: filter.q,
              planId: filter.planId,
              agencyId: filter.agencyId,
              status: filter.status,
              overdue: flag(filter.overdue),
              dueSoon: flag(filter.dueSoon),
              mine: flag(filter.mine),
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

export function useTask(id: string) {
  return useQuery({
    queryKey: [...tasksKey, 'detail', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/tasks/{id}', { params: { path: { id } }, signal })),
  });
}

/** The actions done through a form posted to `/tasks/{id}/{path}` (`view` is not one; `edit` is a PATCH). */
export type PostAction = Exclude<TaskAction, 'view' | 'edit'>;

/** A posted action with the body its route contract takes. */
export type TaskActionCall =
  | { action: 'progress'; body: Input<typeof taskProgressBodySchema> }
  | { action: 'contribute'; body: Input<typeof taskContributionBodySchema> }
  | { action: 'submit'; body: Input<typeof taskSubmitBodySchema> }
  | { action: 'accept'; body: Input<typeof taskAcceptBodySchema> }
  | { action: 'return' | 'cancel'; body: Input<typeof taskCommentBodySchema> }
  | { action: 'chase'; body: Input<typeof taskChaseBodySchema> };

/** The server path of each posted action. */
const ACTION_PATHS = {
  progress: 'progress',
  contribute: 'contributions',
  submit: 'submit',
  accept: 'accept',
  return: 'return',
  cancel: 'cancel',
  chase: 'chase',
} as const satisfies Record<PostAction, string>;

const postTaskAction = (id: string, { action, body }: TaskActionCall) =>
  unwrap(client.POST(`/api/v1/tasks/{id}/${ACTION_PATHS[action]}` as const, { params: { path: { id } }, body }));

export function useTaskAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: TaskActionCall) => postTaskAction(id, call),
    onSuccess: (task) => {
      if (task && typeof task === 'object' && 'id' in task) queryClient.setQueryData([...tasksKey, 'detail', id], task);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...tasksKey] }),
        queryClient.invalidateQueries({ queryKey: ['plans', 'detail'] }),
      ]);
    },
  });
}

/** Corrections to a task by the standing office (PATCH, only when the task offers `edit`). */
export function useUpdateTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTaskBody) => unwrap(client.PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body })),
    onSuccess: (task) => {
      if (task && typeof task === 'object' && 'id' in task) queryClient.setQueryData([...tasksKey, 'detail', id], task);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...tasksKey] }),
        queryClient.invalidateQueries({ queryKey: ['plans', 'detail'] }),
      ]);
    },
  });
}

export function useUploadFile() {
  return useMutation({
    mutationFn: (body: Input<typeof uploadFileBodySchema>) => unwrap(client.POST('/api/v1/files', { body })),
  });
}

export const fileDownloadUrl = (id: string) => buildUrl('/api/v1/files/{id}', { path: { id } });

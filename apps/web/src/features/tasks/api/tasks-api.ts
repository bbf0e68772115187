import type { FileView, TaskDetail, TaskView, UpdateTaskBody } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api.ts';
import type { Page } from '../../../lib/contracts.ts';

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
      api.get<Page<TaskView>>(
        '/tasks',
        {
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
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: [...tasksKey, 'detail', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The actions done through a form posted to `/tasks/{id}/{path}` (`view` is not one; `edit` is a PATCH). */
export type PostAction = Exclude<TaskAction, 'view' | 'edit'>;

/** The server path of each posted action. */
const ACTION_PATHS: Record<PostAction, string> = {
  progress: 'progress',
  contribute: 'contributions',
  submit: 'submit',
  accept: 'accept',
  return: 'return',
  cancel: 'cancel',
  chase: 'chase',
};

export function useTaskAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: PostAction; body: Record<string, unknown> }) =>
      api.post<TaskDetail>(`/tasks/${encodeURIComponent(id)}/${ACTION_PATHS[action]}`, body),
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
    mutationFn: (body: UpdateTaskBody) => api.patch<TaskDetail>(`/tasks/${encodeURIComponent(id)}`, body),
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
    mutationFn: (body: { fileName: string; contentBase64: string; mime: string }) => api.post<FileView>('/files', body),
  });
}

export const fileDownloadUrl = (id: string) => buildUrl(`/files/${encodeURIComponent(id)}`);

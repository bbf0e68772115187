import type { AssignmentView, UserView } from '@atmis/domain';
import type { createAssignmentBodySchema, createUserBodySchema, updateUserBodySchema } from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Input } from '../../../lib/contracts.ts';

export type UserDetail = UserView & { assignments: AssignmentView[] };
export type CreateUserBody = Input<typeof createUserBodySchema>;
export type UpdateUserBody = Input<typeof updateUserBodySchema>;
export type CreateAssignmentBody = Input<typeof createAssignmentBodySchema>;

export interface UserListFilter {
  q?: string | undefined;
  orgUnitId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
}

const PAGE_SIZE = 20;
const usersKey = ['users'] as const;

export function useUserList(filter: UserListFilter) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/users', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam, q: filter.q, orgUnitId: filter.orgUnitId, status: filter.status } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/users/{id}', { params: { path: { id } }, signal })),
  });
}

/** Roles to grant; the users screen reads them itself rather than reaching into the roles feature. */
export function useGrantableRoles(isEnabled: boolean) {
  return useQuery({
    queryKey: ['roles', 'list'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/roles', { signal })),
    enabled: isEnabled,
    staleTime: 60_000,
  });
}

function useUserMutation<TBody, TResult>(mutationFn: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'id' in result && 'username' in result) {
        queryClient.setQueryData([...usersKey, 'detail', (result as unknown as UserDetail).id], result);
      }
      return queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => unwrap(client.POST('/api/v1/users', { body })));
}

export function useUpdateUser(id: string) {
  return useUserMutation((body: UpdateUserBody) => unwrap(client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })));
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(client.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { newPassword } })),
  });
}

export function useGrantAssignment(id: string) {
  return useUserMutation((body: CreateAssignmentBody) =>
    unwrap(client.POST('/api/v1/users/{id}/assignments', { params: { path: { id } }, body })),
  );
}

export function useRevokeAssignment(id: string) {
  return useUserMutation((assignmentId: string) =>
    unwrap(client.DELETE('/api/v1/users/{id}/assignments/{assignmentId}', { params: { path: { id, assignmentId } } })),
  );
}

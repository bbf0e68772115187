import type { AgencyView } from '@atmis/domain';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/**
 * Names of the providing agencies of the support table: the support view carries only the agency's
 * id, so each one is read once from the directory (cached; a name that cannot be read shows nothing).
 */
export function useAgencyNames(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['agencies', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<AgencyView>(`/agencies/${encodeURIComponent(id)}`, undefined, signal),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) names.set(unique[index]!, result.data.name);
  });
  return names;
}

import { useQueries } from '@tanstack/react-query';
import { client, unwrap } from './api.ts';

/**
 * Names of administrative units and agencies that a view carries by id only (a victim file's exploitation places,
 * the receiving agency). A failed or forbidden lookup falls back to the id: names are a courtesy.
 */
export function useOrgUnitNames(ids: readonly (string | null | undefined)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['org-units', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(client.GET('/api/v1/org-units/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  unique.forEach((id, index) => {
    const unit = results[index]?.data;
    names.set(id, unit ? unit.fullName || unit.name : id);
  });
  return names;
}

export function useAgencyNames(ids: readonly (string | null | undefined)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['agencies', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(client.GET('/api/v1/agencies/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  unique.forEach((id, index) => {
    const agency = results[index]?.data;
    if (agency) names.set(id, agency.name);
  });
  return names;
}

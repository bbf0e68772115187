import type { CreateReportTemplateBody, PublishReportTemplateBody, ReportTemplateDetail, ReportTemplateView } from '@atmis/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Page } from '../../../lib/contracts.ts';

export const reportTemplatesKey = ['report-templates'] as const;

/** The list endpoint answers the templates as an array; a page ({ items }) is accepted as well. */
function itemsOf<T>(payload: T[] | Page<T> | null | undefined): T[] {
  if (!payload) return [];
  return Array.isArray(payload) ? payload : payload.items;
}

/** Every version of every template (active and retired), newest first within a code. */
export function useReportTemplates() {
  return useQuery({
    queryKey: [...reportTemplatesKey, 'list'],
    queryFn: async ({ signal }) => itemsOf(await unwrap(client.GET('/api/v1/report-templates', { signal }))),
    staleTime: 60_000,
  });
}

export function useReportTemplate(id: string | undefined) {
  return useQuery({
    queryKey: [...reportTemplatesKey, 'detail', id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/report-templates/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (template: ReportTemplateDetail) => {
    queryClient.setQueryData([...reportTemplatesKey, 'detail', template.id], template);
    return queryClient.invalidateQueries({ queryKey: [...reportTemplatesKey] });
  };
}

/** A new template (version 1). */
export function useCreateReportTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: (body: CreateReportTemplateBody) => unwrap(client.POST('/api/v1/report-templates', { body })),
    onSuccess: store,
  });
}

/** Publishes version n+1 of the template `id` (which is retired); reports keep the version they were made with. */
export function usePublishReportTemplateVersion(id: string) {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: (body: PublishReportTemplateBody) =>
      unwrap(client.POST('/api/v1/report-templates/{id}/versions', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

/** Versions grouped by template code: the newest first, the group ordered by name. */
export interface TemplateFamily {
  code: string;
  latest: ReportTemplateView;
  versions: ReportTemplateView[];
}

export function templateFamilies(templates: readonly ReportTemplateView[]): TemplateFamily[] {
  const byCode = new Map<string, ReportTemplateView[]>();
  for (const template of templates) byCode.set(template.code, [...(byCode.get(template.code) ?? []), template]);
  const families = [...byCode].map(([code, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return { code, latest: sorted.find((version) => version.status === 'active') ?? sorted[0]!, versions: sorted };
  });
  return families.sort((a, b) => a.latest.name.localeCompare(b.latest.name, 'vi'));
}

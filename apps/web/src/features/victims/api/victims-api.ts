import type {
  attachmentUploadBodySchema,
  attachmentViewSchema,
  closeFileBodySchema,
  confidentialityBodySchema,
  consentBodySchema,
  consentViewSchema,
  CreateVictimFileBody,
  deadlineRuleUpdateBodySchema,
  deadlineSettingsViewSchema,
  exploitationBodySchema,
  facilityBodySchema,
  facilityUpdateBodySchema,
  facilityViewSchema,
  followUpBodySchema,
  holidayBodySchema,
  identificationBodySchema,
  personCorrectionBodySchema,
  protectionAssessmentBodySchema,
  receptionCorrectionBodySchema,
  referralBodySchema,
  referralListQuerySchema,
  referralViewSchema,
  reopenFileBodySchema,
  repatriationBodySchema,
  repatriationUpdateBodySchema,
  repatriationViewSchema,
  revealBodySchema,
  revealResultSchema,
  statementBodySchema,
  statisticsViewSchema,
  stayBodySchema,
  stayViewSchema,
  supportRateBodySchema,
  supportRateUpdateBodySchema,
  supportRateViewSchema,
  supportServiceBodySchema,
  supportServiceUpdateBodySchema,
  supportServiceViewSchema,
  threatBodySchema,
  VictimFileDetail,
  VictimFileListQuery,
  victimFileListItemSchema,
  withdrawConsentBodySchema,
} from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, type QueryValue } from '../../../lib/api.ts';
import type { Input, Output, Page } from '../../../lib/contracts.ts';

/**
 * Every call of the victims module (issue 5), typed from the shared contracts. Query keys start with
 * `victimsKey`, so any change refreshes lists, the file, inboxes, facilities and statistics alike.
 */
export const victimsKey = ['victims'] as const;
export const victimListKey = [...victimsKey, 'list'] as const;
export const victimFileKey = (id: string) => [...victimsKey, 'file', id] as const;
export const referralListKey = [...victimsKey, 'referrals'] as const;
export const facilitiesKey = [...victimsKey, 'facilities'] as const;
export const ratesKey = [...victimsKey, 'rates'] as const;
export const deadlineSettingsKey = [...victimsKey, 'deadline-settings'] as const;

export type VictimFileListItem = Output<typeof victimFileListItemSchema>;
export type VictimListFilter = Omit<VictimFileListQuery, 'limit' | 'cursor'>;
export type ReferralView = Output<typeof referralViewSchema>;
export type ReferralListFilter = Omit<Input<typeof referralListQuerySchema>, 'limit' | 'cursor'>;
export type ReferralAction = ReferralView['allowedActions'][number];
export type ConsentView = Output<typeof consentViewSchema>;
export type SupportServiceView = Output<typeof supportServiceViewSchema>;
export type SupportRateView = Output<typeof supportRateViewSchema>;
export type FacilityView = Output<typeof facilityViewSchema>;
export type StayView = Output<typeof stayViewSchema>;
export type RepatriationView = Output<typeof repatriationViewSchema>;
export type AttachmentView = Output<typeof attachmentViewSchema>;
export type RevealResult = Output<typeof revealResultSchema>;
export type VictimStatistics = Output<typeof statisticsViewSchema>;
export type DeadlineSettings = Output<typeof deadlineSettingsViewSchema>;
export type CreatedFile = { id: string; reference: string; warnings: Record<string, string> };
/** The 409 of a possible duplicate: `duplicates` only for files inside the reader's scope. */
export type DuplicateProblem = { code: string; title: string; duplicates?: { fileId: string; reference: string }[] };

const PAGE_SIZE = 20;
const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

function useRefreshVictims() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: victimsKey });
}

/** A POST/PATCH/PUT on the victims API that refreshes everything of the module afterwards. */
function useVictimMutation<TBody, TResult>(send: (body: TBody) => Promise<TResult>) {
  const refresh = useRefreshVictims();
  return useMutation({ mutationFn: send, onSuccess: () => refresh() });
}

// ── Files: list, reception, detail, reveal ─────────────────────────────────────────────────────────
export function useVictimFileList(filter: VictimListFilter) {
  return useInfiniteQuery({
    queryKey: [...victimListKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<VictimFileListItem>>(
        '/victim-files',
        { ...(filter as Record<string, QueryValue>), limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** POST /victim-files. A 409 carries `victim.possible_duplicate(_elsewhere)`: see DuplicateProblem. */
export function useCreateVictimFile() {
  return useVictimMutation((body: CreateVictimFileBody) => api.post<CreatedFile>('/victim-files', body));
}

export function useVictimFile(id: string) {
  return useQuery({
    queryKey: victimFileKey(id),
    queryFn: ({ signal }) => api.get<VictimFileDetail>(path('/victim-files/:id', id), undefined, signal),
  });
}

/** The plaintext of identifying fields, for a stated reason (audited). Never cached. */
export function useRevealIdentity(fileId: string) {
  return useMutation({
    mutationFn: (body: Input<typeof revealBodySchema>) => api.post<RevealResult>(path('/victim-files/:id/reveal', fileId), body),
  });
}

export const victimExportUrl = (filter: VictimListFilter) =>
  buildUrl('/victim-files/export.xlsx', { ...(filter as Record<string, QueryValue>), sort: undefined });
export const identifiedExportUrl = () => buildUrl('/victim-files/export-identified');
export const attachmentUrl = (id: string) => buildUrl(path('/victim-attachments/:id', id));

// ── File records ───────────────────────────────────────────────────────────────────────────────────
export function useCorrectPerson() {
  return useVictimMutation(({ personId, ...body }: Input<typeof personCorrectionBodySchema> & { personId: string }) =>
    api.patch<{ id: string }>(path('/victim-persons/:id', personId), body),
  );
}
export function useCorrectReception(fileId: string) {
  return useVictimMutation((body: Input<typeof receptionCorrectionBodySchema>) =>
    api.patch<{ id: string }>(path('/victim-files/:id/reception', fileId), body),
  );
}
export function useCloseFile(fileId: string) {
  return useVictimMutation((body: Input<typeof closeFileBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/close', fileId), body),
  );
}
export function useReopenFile(fileId: string) {
  return useVictimMutation((body: Input<typeof reopenFileBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/reopen', fileId), body),
  );
}
export function useSetConfidentiality(fileId: string) {
  return useVictimMutation((body: Input<typeof confidentialityBodySchema>) =>
    api.put<{ id: string }>(path('/victim-files/:id/confidentiality', fileId), body),
  );
}
export function useIdentify() {
  return useVictimMutation(({ personId, ...body }: Input<typeof identificationBodySchema> & { personId: string }) =>
    api.post<{ id: string }>(path('/victim-persons/:id/identification', personId), body),
  );
}
export function useSetExploitation() {
  return useVictimMutation(({ personId, ...body }: Input<typeof exploitationBodySchema> & { personId: string }) =>
    api.post<{ id: string }>(path('/victim-persons/:id/exploitation', personId), body),
  );
}
export function useAddConsent(fileId: string) {
  return useVictimMutation((body: Input<typeof consentBodySchema>) =>
    api.post<ConsentView>(path('/victim-files/:id/consents', fileId), body),
  );
}
export function useWithdrawConsent() {
  return useVictimMutation(({ consentId, ...body }: Input<typeof withdrawConsentBodySchema> & { consentId: string }) =>
    api.post<ConsentView>(path('/victim-consents/:id/withdraw', consentId), body),
  );
}
export function useSendReferral(fileId: string) {
  return useVictimMutation((body: Input<typeof referralBodySchema>) =>
    api.post<ReferralView>(path('/victim-files/:id/referrals', fileId), body),
  );
}
/** accept / decline / complete / cancel; decline and cancel need a reason. */
export function useReferralAction() {
  return useVictimMutation(({ referralId, action, reason }: { referralId: string; action: ReferralAction; reason?: string }) =>
    api.post<ReferralView>(`${path('/victim-referrals/:id', referralId)}/${action}`, reason ? { reason } : {}),
  );
}
export function useAddSupport(fileId: string) {
  return useVictimMutation((body: Input<typeof supportServiceBodySchema>) =>
    api.post<SupportServiceView>(path('/victim-files/:id/support-services', fileId), body),
  );
}
export function useUpdateSupport() {
  return useVictimMutation(({ supportId, ...body }: Input<typeof supportServiceUpdateBodySchema> & { supportId: string }) =>
    api.patch<SupportServiceView>(path('/victim-support-services/:id', supportId), body),
  );
}
export function useAdmit(fileId: string) {
  return useVictimMutation((body: Input<typeof stayBodySchema>) => api.post<StayView>(path('/victim-files/:id/stays', fileId), body));
}
export function useDischarge() {
  return useVictimMutation(({ stayId, ...body }: { stayId: string; dischargedOn?: string | null; notes?: string | null }) =>
    api.post<StayView>(path('/victim-stays/:id/discharge', stayId), body),
  );
}
export function useAddFollowUp(fileId: string) {
  return useVictimMutation((body: Input<typeof followUpBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/follow-ups', fileId), body),
  );
}
export function useAddStatement(fileId: string) {
  return useVictimMutation((body: Input<typeof statementBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/statements', fileId), body),
  );
}
export function useAddProtectionAssessment(fileId: string) {
  return useVictimMutation((body: Input<typeof protectionAssessmentBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/protection-assessments', fileId), body),
  );
}
export function useAddThreat(fileId: string) {
  return useVictimMutation((body: Input<typeof threatBodySchema>) =>
    api.post<{ id: string }>(path('/victim-files/:id/threats', fileId), body),
  );
}
export function useAddRepatriation(fileId: string) {
  return useVictimMutation((body: Input<typeof repatriationBodySchema>) =>
    api.post<RepatriationView>(path('/victim-files/:id/repatriations', fileId), body),
  );
}
export function useUpdateRepatriation() {
  return useVictimMutation(({ repatriationId, ...body }: Input<typeof repatriationUpdateBodySchema> & { repatriationId: string }) =>
    api.patch<RepatriationView>(path('/victim-repatriations/:id', repatriationId), body),
  );
}
export function useUploadAttachment(fileId: string) {
  return useVictimMutation((body: Input<typeof attachmentUploadBodySchema>) =>
    api.post<AttachmentView>(path('/victim-files/:id/attachments', fileId), body),
  );
}

// ── Referral inbox ─────────────────────────────────────────────────────────────────────────────────
export function useReferralList(filter: ReferralListFilter) {
  return useInfiniteQuery({
    queryKey: [...referralListKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ReferralView>>(
        '/victim-referrals',
        { ...(filter as Record<string, QueryValue>), limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

// ── Registries: facilities, support rates, deadline rules ──────────────────────────────────────────
export function useFacilities(orgUnitId?: string) {
  return useQuery({
    queryKey: [...facilitiesKey, orgUnitId ?? null],
    queryFn: ({ signal }) => api.get<{ items: FacilityView[] }>('/victim-facilities', { orgUnitId }, signal),
  });
}
export function useCreateFacility() {
  return useVictimMutation((body: Input<typeof facilityBodySchema>) => api.post<FacilityView>('/victim-facilities', body));
}
export function useUpdateFacility() {
  return useVictimMutation(({ facilityId, ...body }: Input<typeof facilityUpdateBodySchema> & { facilityId: string }) =>
    api.patch<FacilityView>(path('/victim-facilities/:id', facilityId), body),
  );
}

export function useSupportRates(filter: { type?: string | undefined; orgUnitId?: string | undefined; on?: string | undefined } = {}) {
  return useQuery({
    queryKey: [...ratesKey, filter],
    queryFn: ({ signal }) => api.get<{ items: SupportRateView[] }>('/victim-support-rates', filter, signal),
  });
}
export function useCreateSupportRate() {
  return useVictimMutation((body: Input<typeof supportRateBodySchema>) => api.post<SupportRateView>('/victim-support-rates', body));
}
export function useUpdateSupportRate() {
  return useVictimMutation(({ rateId, ...body }: Input<typeof supportRateUpdateBodySchema> & { rateId: string }) =>
    api.patch<SupportRateView>(path('/victim-support-rates/:id', rateId), body),
  );
}

export function useDeadlineSettings() {
  return useQuery({
    queryKey: deadlineSettingsKey,
    queryFn: ({ signal }) => api.get<DeadlineSettings>('/victim-deadline-rules', undefined, signal),
  });
}
export function useUpdateDeadlineRule() {
  return useVictimMutation(({ code, ...body }: Input<typeof deadlineRuleUpdateBodySchema> & { code: string }) =>
    api.put<DeadlineSettings>(`/victim-deadline-rules/${encodeURIComponent(code)}`, body),
  );
}
export function useResetDeadlineRule() {
  return useVictimMutation((code: string) => api.delete<DeadlineSettings>(`/victim-deadline-rules/${encodeURIComponent(code)}`));
}
export function useAddHoliday() {
  return useVictimMutation((body: Input<typeof holidayBodySchema>) => api.post<DeadlineSettings>('/victim-holidays', body));
}
export function useRemoveHoliday() {
  return useVictimMutation((date: string) => api.delete<DeadlineSettings>(`/victim-holidays/${encodeURIComponent(date)}`));
}

// ── Statistics ─────────────────────────────────────────────────────────────────────────────────────
export function useVictimStatistics(query: { orgUnitId?: string | undefined; start: string; end: string } | null) {
  return useQuery({
    queryKey: [...victimsKey, 'statistics', query],
    queryFn: ({ signal }) => api.get<VictimStatistics>('/victim-statistics', query!, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

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
  dischargeBodySchema,
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
  supportRateListQuerySchema,
  supportRateUpdateBodySchema,
  supportRateViewSchema,
  supportServiceBodySchema,
  supportServiceUpdateBodySchema,
  supportServiceViewSchema,
  threatBodySchema,
  victimFileListItemSchema,
  withdrawConsentBodySchema,
} from '@atmis/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl, client, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api.ts';
import type { Input, Output } from '../../../lib/contracts.ts';

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
export type VictimListFilter = Omit<QueryOf<'/api/v1/victim-files'>, 'limit' | 'cursor'>;
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
/** The 409 of a possible duplicate: `duplicates` only for files inside the reader's scope. */
export type DuplicateProblem = Pick<ResponseOf<'/api/v1/victim-files', 'post', 409>, 'code' | 'title' | 'duplicates'>;

const PAGE_SIZE = 20;

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
      unwrap(client.GET('/api/v1/victim-files', { params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** POST /victim-files. A 409 carries `victim.possible_duplicate(_elsewhere)`: see DuplicateProblem. */
export function useCreateVictimFile() {
  return useVictimMutation((body: CreateVictimFileBody) => unwrap(client.POST('/api/v1/victim-files', { body })));
}

export function useVictimFile(id: string) {
  return useQuery({
    queryKey: victimFileKey(id),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/victim-files/{id}', { params: { path: { id } }, signal })),
  });
}

/** The plaintext of identifying fields, for a stated reason (audited). Never cached. */
export function useRevealIdentity(fileId: string) {
  return useMutation({
    mutationFn: (body: Input<typeof revealBodySchema>) =>
      unwrap(client.POST('/api/v1/victim-files/{id}/reveal', { params: { path: { id: fileId } }, body })),
  });
}

export const victimExportUrl = (filter: VictimListFilter) =>
  buildUrl('/api/v1/victim-files/export.xlsx', { query: { ...filter, sort: undefined } });
export const identifiedExportUrl = () => buildUrl('/api/v1/victim-files/export-identified');
export const attachmentUrl = (id: string) => buildUrl('/api/v1/victim-attachments/{id}', { path: { id } });

// ── File records ───────────────────────────────────────────────────────────────────────────────────
export function useCorrectPerson() {
  return useVictimMutation(({ personId, ...body }: Input<typeof personCorrectionBodySchema> & { personId: string }) =>
    unwrap(client.PATCH('/api/v1/victim-persons/{id}', { params: { path: { id: personId } }, body })),
  );
}
export function useCorrectReception(fileId: string) {
  return useVictimMutation((body: Input<typeof receptionCorrectionBodySchema>) =>
    unwrap(client.PATCH('/api/v1/victim-files/{id}/reception', { params: { path: { id: fileId } }, body })),
  );
}
export function useCloseFile(fileId: string) {
  return useVictimMutation((body: Input<typeof closeFileBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/close', { params: { path: { id: fileId } }, body })),
  );
}
export function useReopenFile(fileId: string) {
  return useVictimMutation((body: Input<typeof reopenFileBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/reopen', { params: { path: { id: fileId } }, body })),
  );
}
export function useSetConfidentiality(fileId: string) {
  return useVictimMutation((body: Input<typeof confidentialityBodySchema>) =>
    unwrap(client.PUT('/api/v1/victim-files/{id}/confidentiality', { params: { path: { id: fileId } }, body })),
  );
}
export function useIdentify() {
  return useVictimMutation(({ personId, ...body }: Input<typeof identificationBodySchema> & { personId: string }) =>
    unwrap(client.POST('/api/v1/victim-persons/{id}/identification', { params: { path: { id: personId } }, body })),
  );
}
export function useSetExploitation() {
  return useVictimMutation(({ personId, ...body }: Input<typeof exploitationBodySchema> & { personId: string }) =>
    unwrap(client.POST('/api/v1/victim-persons/{id}/exploitation', { params: { path: { id: personId } }, body })),
  );
}
export function useAddConsent(fileId: string) {
  return useVictimMutation((body: Input<typeof consentBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/consents', { params: { path: { id: fileId } }, body })),
  );
}
export function useWithdrawConsent() {
  return useVictimMutation(({ consentId, ...body }: Input<typeof withdrawConsentBodySchema> & { consentId: string }) =>
    unwrap(client.POST('/api/v1/victim-consents/{id}/withdraw', { params: { path: { id: consentId } }, body })),
  );
}
export function useSendReferral(fileId: string) {
  return useVictimMutation((body: Input<typeof referralBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/referrals', { params: { path: { id: fileId } }, body })),
  );
}
/** accept / decline / complete / cancel; decline and cancel need a reason. */
export function useReferralAction() {
  return useVictimMutation(({ referralId, action, reason }: { referralId: string; action: ReferralAction; reason?: string }) =>
    unwrap(
      client.POST(`/api/v1/victim-referrals/{id}/${action}` as const, {
        params: { path: { id: referralId } },
        body: reason ? { reason } : {},
      }),
    ),
  );
}
export function useAddSupport(fileId: string) {
  return useVictimMutation((body: Input<typeof supportServiceBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/support-services', { params: { path: { id: fileId } }, body })),
  );
}
export function useUpdateSupport() {
  return useVictimMutation(({ supportId, ...body }: Input<typeof supportServiceUpdateBodySchema> & { supportId: string }) =>
    unwrap(client.PATCH('/api/v1/victim-support-services/{id}', { params: { path: { id: supportId } }, body })),
  );
}
export function useAdmit(fileId: string) {
  return useVictimMutation((body: Input<typeof stayBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/stays', { params: { path: { id: fileId } }, body })),
  );
}
export function useDischarge() {
  return useVictimMutation(({ stayId, ...body }: Input<typeof dischargeBodySchema> & { stayId: string }) =>
    unwrap(client.POST('/api/v1/victim-stays/{id}/discharge', { params: { path: { id: stayId } }, body })),
  );
}
export function useAddFollowUp(fileId: string) {
  return useVictimMutation((body: Input<typeof followUpBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/follow-ups', { params: { path: { id: fileId } }, body })),
  );
}
export function useAddStatement(fileId: string) {
  return useVictimMutation((body: Input<typeof statementBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/statements', { params: { path: { id: fileId } }, body })),
  );
}
export function useAddProtectionAssessment(fileId: string) {
  return useVictimMutation((body: Input<typeof protectionAssessmentBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/protection-assessments', { params: { path: { id: fileId } }, body })),
  );
}
export function useAddThreat(fileId: string) {
  return useVictimMutation((body: Input<typeof threatBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/threats', { params: { path: { id: fileId } }, body })),
  );
}
export function useAddRepatriation(fileId: string) {
  return useVictimMutation((body: Input<typeof repatriationBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/repatriations', { params: { path: { id: fileId } }, body })),
  );
}
export function useUpdateRepatriation() {
  return useVictimMutation(({ repatriationId, ...body }: Input<typeof repatriationUpdateBodySchema> & { repatriationId: string }) =>
    unwrap(client.PATCH('/api/v1/victim-repatriations/{id}', { params: { path: { id: repatriationId } }, body })),
  );
}
export function useUploadAttachment(fileId: string) {
  return useVictimMutation((body: Input<typeof attachmentUploadBodySchema>) =>
    unwrap(client.POST('/api/v1/victim-files/{id}/attachments', { params: { path: { id: fileId } }, body })),
  );
}

// ── Referral inbox ─────────────────────────────────────────────────────────────────────────────────
export function useReferralList(filter: ReferralListFilter) {
  return useInfiniteQuery({
    queryKey: [...referralListKey, filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(client.GET('/api/v1/victim-referrals', { params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

// ── Registries: facilities, support rates, deadline rules ──────────────────────────────────────────
export function useFacilities(orgUnitId?: string) {
  return useQuery({
    queryKey: [...facilitiesKey, orgUnitId ?? null],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/victim-facilities', { params: { query: { orgUnitId } }, signal })),
  });
}
export function useCreateFacility() {
  return useVictimMutation((body: Input<typeof facilityBodySchema>) => unwrap(client.POST('/api/v1/victim-facilities', { body })));
}
export function useUpdateFacility() {
  return useVictimMutation(({ facilityId, ...body }: Input<typeof facilityUpdateBodySchema> & { facilityId: string }) =>
    unwrap(client.PATCH('/api/v1/victim-facilities/{id}', { params: { path: { id: facilityId } }, body })),
  );
}

export function useSupportRates(filter: Input<typeof supportRateListQuerySchema> = {}) {
  return useQuery({
    queryKey: [...ratesKey, filter],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/victim-support-rates', { params: { query: filter }, signal })),
  });
}
export function useCreateSupportRate() {
  return useVictimMutation((body: Input<typeof supportRateBodySchema>) => unwrap(client.POST('/api/v1/victim-support-rates', { body })));
}
export function useUpdateSupportRate() {
  return useVictimMutation(({ rateId, ...body }: Input<typeof supportRateUpdateBodySchema> & { rateId: string }) =>
    unwrap(client.PATCH('/api/v1/victim-support-rates/{id}', { params: { path: { id: rateId } }, body })),
  );
}

export function useDeadlineSettings() {
  return useQuery({
    queryKey: deadlineSettingsKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/victim-deadline-rules', { signal })),
  });
}
export function useUpdateDeadlineRule() {
  return useVictimMutation(({ code, ...body }: Input<typeof deadlineRuleUpdateBodySchema> & { code: string }) =>
    unwrap(client.PUT('/api/v1/victim-deadline-rules/{code}', { params: { path: { code } }, body })),
  );
}
export function useResetDeadlineRule() {
  return useVictimMutation((code: string) => unwrap(client.DELETE('/api/v1/victim-deadline-rules/{code}', { params: { path: { code } } })));
}
export function useAddHoliday() {
  return useVictimMutation((body: Input<typeof holidayBodySchema>) => unwrap(client.POST('/api/v1/victim-holidays', { body })));
}
export function useRemoveHoliday() {
  return useVictimMutation((date: string) => unwrap(client.DELETE('/api/v1/victim-holidays/{date}', { params: { path: { date } } })));
}

// ── Statistics ─────────────────────────────────────────────────────────────────────────────────────
export function useVictimStatistics(query: { orgUnitId?: string | undefined; start: string; end: string } | null) {
  return useQuery({
    queryKey: [...victimsKey, 'statistics', query],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/victim-statistics', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

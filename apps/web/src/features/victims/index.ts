export {
  useCreateFacility,
  useCreateSupportRate,
  useFacilities,
  useReferralList,
  useSupportRates,
  useUpdateFacility,
  useUpdateSupportRate,
  type FacilityView,
  type ReferralListFilter,
  type ReferralView,
  type SupportRateView,
  type VictimListFilter,
} from './api/victims-api.ts';
export { ReferralActionButtons } from './components/referral-actions.tsx';
export { VictimFileTable } from './components/victim-file-table.tsx';
export { DEFAULT_VICTIM_LIST_FILTER, VictimListToolbar } from './components/victim-list-toolbar.tsx';
export { ReferralStatusTag } from './components/victim-tags.tsx';

import { AGENCY_TYPES, AGENCY_TYPE_LABELS, isAgencyType } from '@atmis/domain/reference/agency-types';
import { pickLabel } from '../../../lib/i18n/index.ts';

/** The agency kind's label; an unknown code (data newer than this build) shows as is. */
export function agencyTypeLabel(type: string): string {
  return isAgencyType(type) ? pickLabel(AGENCY_TYPE_LABELS[type], type) : type;
}

export function agencyTypeOptions(): { value: string; label: string }[] {
  return AGENCY_TYPES.map((type) => ({ value: type, label: agencyTypeLabel(type) }));
}

import type { COMPANION_ROLES, CreateVictimFileBody, ReceptionWay, SupportType } from '@atmis/domain';
import type { Dayjs } from 'dayjs';
import { fieldKeyOf, type FieldNamePath } from '../../../lib/form-errors.ts';
import { toPersonInput, type PersonFormValues } from './person-values.ts';

export type CompanionRole = (typeof COMPANION_ROLES)[number];

/** The reception form as antd holds it; names follow the API body so the server's error paths match. */
export interface ReceptionFormValues {
  reception?: {
    receivedOn?: Dayjs | null;
    way?: ReceptionWay;
    fromCountry?: string | null;
    borderGate?: string;
    place?: string;
    receivedByName?: string;
    receivedByAgencyId?: string | null;
    receivingOfficer?: string;
    initialSupport?: string;
    needs?: SupportType[];
  };
  person?: PersonFormValues;
  companions?: { role?: CompanionRole; relationship?: string; person?: PersonFormValues }[];
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The POST /victim-files body of the form; `confirmNotDuplicate` after the officer says it is another
 * person; `orgUnitId` is the receiving unit (the officer's working unit; the server checks it).
 */
export function toCreateBody(values: ReceptionFormValues, confirmNotDuplicate = false, orgUnitId?: string): CreateVictimFileBody {
  const reception = values.reception ?? {};
  const companions = (values.companions ?? []).map((companion) => ({
    role: companion.role as CompanionRole,
    relationship: blankToNull(companion.relationship),
    person: toPersonInput(companion.person) as unknown as Record<string, unknown>,
  }));
  return {
    ...(orgUnitId ? { orgUnitId } : {}),
    reception: {
      // The server refuses an empty date with its own message under the field.
      receivedOn: reception.receivedOn ? reception.receivedOn.format('YYYY-MM-DD') : '',
      way: reception.way as ReceptionWay,
      fromCountry: reception.fromCountry ?? null,
      borderGate: blankToNull(reception.borderGate),
      place: blankToNull(reception.place),
      receivedByName: blankToNull(reception.receivedByName),
      receivedByAgencyId: reception.receivedByAgencyId ?? null,
      receivingOfficer: blankToNull(reception.receivingOfficer),
      initialSupport: blankToNull(reception.initialSupport),
      needs: reception.needs ?? [],
    },
    person: toPersonInput(values.person) as unknown as Record<string, unknown>,
    ...(companions.length > 0 ? { companions } : {}),
    ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  };
}

/** The fields of one person in the form, relative to the person (guardian fields nested as the API nests them). */
export const PERSON_FIELD_KEYS = [
  'fullName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'birthYear',
  'estimatedAge',
  'ageUncertain',
  'ethnicity',
  'citizenship',
  'citizenId',
  'passportNumber',
  'homeOrgUnitId',
  'homeAddress',
  'phone',
  'language',
  'guardian.fullName',
  'guardian.relationship',
  'guardian.phone',
] as const;

export const RECEPTION_FIELD_KEYS = [
  'receivedOn',
  'way',
  'fromCountry',
  'borderGate',
  'place',
  'receivedByName',
  'receivedByAgencyId',
  'receivingOfficer',
  'initialSupport',
  'needs',
] as const;

const RECEPTION_FORM_KEYS = new Set<string>([
  ...RECEPTION_FIELD_KEYS.map((key) => `reception.${key}`),
  ...PERSON_FIELD_KEYS.map((key) => `person.${key}`),
  'companions.role',
  'companions.relationship',
  ...PERSON_FIELD_KEYS.map((key) => `companions.person.${key}`),
]);

/** Whether the reception form has a field at this name path (list indexes must sit where Form.List puts them). */
export function isReceptionField(name: FieldNamePath): boolean {
  if (typeof name.at(-1) !== 'string') return false;
  if (name[0] === 'companions' && typeof name[1] !== 'number') return false;
  return RECEPTION_FORM_KEYS.has(fieldKeyOf(name));
}

/**
 * The field that shows an issue whose path names no field of its own: a person as a whole → its
 * full name; the guardian as a whole → the guardian's name; the hidden "estimated on" date → the
 * estimated age; one of the other names or needs (`person.otherNames.1`) → the list's field.
 */
export function receptionFieldFor(name: FieldNamePath): FieldNamePath | null {
  const trimmed = [...name];
  while (trimmed.length > 0 && typeof trimmed.at(-1) === 'number') trimmed.pop();
  if (trimmed.length > 0 && isReceptionField(trimmed)) return trimmed;
  const personAt = trimmed.lastIndexOf('person');
  if (personAt >= 0) {
    const base = trimmed.slice(0, personAt + 1);
    const rest = fieldKeyOf(trimmed.slice(personAt + 1));
    const stand =
      rest === 'ageEstimatedOn' ? ['estimatedAge'] : rest === 'guardian' ? ['guardian', 'fullName'] : rest === '' ? ['fullName'] : null;
    if (stand && isReceptionField([...base, ...stand])) return [...base, ...stand];
  }
  return null;
}

import type { Sex } from '@atmis/domain';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * A person as the antd form holds it (nested under a name path such as `['person']`). Field names
 * are the API's, so the server's error paths (`person.citizenId`, `person.guardian.fullName`) land
 * on the same fields; only the date of birth is a dayjs value for the date picker.
 */
export interface PersonFormValues {
  fullName?: string | undefined;
  otherNames?: string[] | undefined;
  sex?: Sex | undefined;
  dateOfBirth?: Dayjs | null | undefined;
  birthYear?: number | null | undefined;
  estimatedAge?: number | null | undefined;
  /** Kept hidden: the day the estimate was made, so that a correction does not move it. */
  ageEstimatedOn?: string | null | undefined;
  ageUncertain?: boolean | undefined;
  ethnicity?: string | undefined;
  citizenship?: string | undefined;
  citizenId?: string | undefined;
  passportNumber?: string | undefined;
  homeOrgUnitId?: string | null | undefined;
  homeAddress?: string | undefined;
  phone?: string | undefined;
  language?: string | undefined;
  guardian?: { fullName?: string | undefined; relationship?: string | undefined; phone?: string | undefined } | undefined;
}

/** The person object of the API (`person: {...}` of a reception or a correction), validated by the server. */
export interface PersonPayload {
  fullName: string | null;
  otherNames: string[];
  sex: Sex | null;
  dateOfBirth: string | null;
  birthYear: number | null;
  estimatedAge: number | null;
  ageEstimatedOn: string | null;
  ageUncertain: boolean;
  ethnicity: string | null;
  citizenship: string | null;
  citizenId: string | null;
  passportNumber: string | null;
  homeOrgUnitId: string | null;
  homeAddress: string | null;
  phone: string | null;
  language: string | null;
  guardian: { fullName: string | null; relationship: string | null; phone: string | null } | null;
}

/**
 * What the API (a reveal merged with the masked person) may know of a person: any subset of the
 * payload, dates as YYYY-MM-DD. Unknown keys are ignored.
 */
export type PersonSource = { [K in keyof PersonPayload]?: PersonPayload[K] | undefined };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Trimmed text, or null when blank (the server turns blanks into null too; sending null says so plainly). */
function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isoDateOrNull(value: unknown): string | null {
  if (dayjs.isDayjs(value)) return value.isValid() ? value.format('YYYY-MM-DD') : null;
  return typeof value === 'string' && ISO_DATE.test(value) ? value : null;
}

/** Form values → the API's person object: dates as YYYY-MM-DD, blanks as null, a guardian only when something of it was typed. */
export function toPersonInput(values: PersonFormValues | undefined): PersonPayload {
  const source = values ?? {};
  const guardianName = textOrNull(source.guardian?.fullName);
  const guardianRelationship = textOrNull(source.guardian?.relationship);
  const guardianPhone = textOrNull(source.guardian?.phone);
  const estimatedAge = numberOrNull(source.estimatedAge);
  return {
    fullName: textOrNull(source.fullName),
    otherNames: (source.otherNames ?? []).map(textOrNull).filter((name): name is string => name !== null),
    sex: source.sex ?? null,
    dateOfBirth: isoDateOrNull(source.dateOfBirth),
    birthYear: numberOrNull(source.birthYear),
    estimatedAge,
    // An estimate without its date is taken by the server as made today; no estimate, no date.
    ageEstimatedOn: estimatedAge === null ? null : isoDateOrNull(source.ageEstimatedOn),
    ageUncertain: source.ageUncertain === true,
    ethnicity: textOrNull(source.ethnicity),
    citizenship: textOrNull(source.citizenship)?.toUpperCase() ?? null,
    citizenId: textOrNull(source.citizenId),
    passportNumber: textOrNull(source.passportNumber),
    homeOrgUnitId: textOrNull(source.homeOrgUnitId),
    homeAddress: textOrNull(source.homeAddress),
    phone: textOrNull(source.phone),
    language: textOrNull(source.language)?.toLowerCase() ?? null,
    guardian:
      guardianName === null && guardianRelationship === null && guardianPhone === null
        ? null
        : { fullName: guardianName, relationship: guardianRelationship, phone: guardianPhone },
  };
}

/** API (or revealed) values → form values, e.g. to prefill a correction. Nulls become empty fields. */
export function fromPersonInput(person: PersonSource | null | undefined): PersonFormValues {
  if (!person) return {};
  const text = (value: string | null | undefined) => value ?? undefined;
  const dateOfBirth = isoDateOrNull(person.dateOfBirth);
  return {
    fullName: text(person.fullName),
    otherNames: [...(person.otherNames ?? [])],
    sex: person.sex ?? undefined,
    dateOfBirth: dateOfBirth ? dayjs(dateOfBirth, 'YYYY-MM-DD') : null,
    birthYear: person.birthYear ?? null,
    estimatedAge: person.estimatedAge ?? null,
    ageEstimatedOn: person.ageEstimatedOn ?? null,
    ageUncertain: person.ageUncertain === true,
    ethnicity: text(person.ethnicity),
    citizenship: text(person.citizenship),
    citizenId: text(person.citizenId),
    passportNumber: text(person.passportNumber),
    homeOrgUnitId: person.homeOrgUnitId ?? null,
    homeAddress: text(person.homeAddress),
    phone: text(person.phone),
    language: text(person.language),
    guardian: person.guardian
      ? { fullName: text(person.guardian.fullName), relationship: text(person.guardian.relationship), phone: text(person.guardian.phone) }
      : undefined,
  };
}

/** The age facts of the form values, for the domain's `isTreatedAsChild` while the officer types. */
export function ageFactsOf(values: PersonFormValues | undefined) {
  const payload = toPersonInput(values);
  return {
    dateOfBirth: payload.dateOfBirth,
    birthYear: payload.birthYear,
    estimatedAge: payload.estimatedAge,
    ageEstimatedOn: payload.ageEstimatedOn,
    ageUncertain: payload.ageUncertain,
  };
}

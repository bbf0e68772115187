import { nameSearchKey, type Guardian, type PersonInput } from '@atmis/domain';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AAD, INDEX } from './victim-access.ts';
import type { PersonRow } from './victims.repository.ts';

/**
 * A person's identity between its plaintext form (the domain's `PersonInput`, as validated at
 * reception or correction) and its stored form (encrypted fields, blind indexes, name tokens). The
 * one place that writes a person's identity columns: reception and correction both go through it.
 */

/** The year of birth as stored: the year of the date of birth when there is one. */
export const birthYearOf = (person: Pick<PersonInput, 'dateOfBirth' | 'birthYear'>) =>
  person.dateOfBirth ? Number(person.dateOfBirth.slice(0, 4)) : person.birthYear;

/** One blind-index token per accent-folded word of the names ("nguyen hoa" finds "Nguyễn Thị Hoà"). */
export function nameTokens(cipher: FieldCipher, names: readonly string[]): string[] {
  const words = new Set(names.flatMap((name) => nameSearchKey(name).split(' ')).filter(Boolean));
  return [...words].map((word) => cipher.blindIndex(word, INDEX.nameWord));
}

/** The identity columns of a person row, encrypted and indexed. */
export function personColumns(cipher: FieldCipher, person: PersonInput) {
  return {
    fullNameEnc: cipher.encrypt(person.fullName, AAD.fullName),
    otherNamesEnc: person.otherNames.length ? cipher.encryptJson(person.otherNames, AAD.otherNames) : null,
    nameTokens: nameTokens(cipher, [person.fullName, ...person.otherNames]),
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    birthYear: birthYearOf(person),
    estimatedAge: person.estimatedAge,
    ageEstimatedOn: person.ageEstimatedOn,
    ageUncertain: person.ageUncertain,
    ethnicity: person.ethnicity,
    citizenship: person.citizenship,
    citizenIdEnc: cipher.encryptNullable(person.citizenId, AAD.citizenId),
    citizenIdHmac: person.citizenId ? cipher.blindIndex(person.citizenId, INDEX.citizenId) : null,
    passportEnc: cipher.encryptNullable(person.passportNumber, AAD.passport),
    passportHmac: person.passportNumber ? cipher.blindIndex(person.passportNumber, INDEX.passport) : null,
    homeOrgUnitId: person.homeOrgUnitId,
    homeAddressEnc: cipher.encryptNullable(person.homeAddress, AAD.homeAddress),
    phoneEnc: cipher.encryptNullable(person.phone, AAD.phone),
    language: person.language,
    guardianEnc: cipher.encryptJson(person.guardian, AAD.guardian),
  };
}

/**
 * A stored person in plaintext, field for field as `PersonInput` names them (the keys of
 * CORRECTION_FIELD_LABELS). The birth year repeats the date of birth's year in storage; it is
 * compared as the domain reads it (null beside a date of birth), so a correction that only restates
 * the date does not count as a change of the year.
 */
export function plaintextPerson(cipher: FieldCipher, row: PersonRow): Record<string, unknown> {
  return {
    fullName: cipher.decrypt(row.fullNameEnc, AAD.fullName),
    otherNames: cipher.decryptJson<string[]>(row.otherNamesEnc, AAD.otherNames) ?? [],
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    birthYear: row.dateOfBirth ? null : row.birthYear,
    estimatedAge: row.estimatedAge,
    ageEstimatedOn: row.ageEstimatedOn,
    ageUncertain: row.ageUncertain,
    ethnicity: row.ethnicity,
    citizenship: row.citizenship,
    citizenId: cipher.decryptNullable(row.citizenIdEnc, AAD.citizenId),
    passportNumber: cipher.decryptNullable(row.passportEnc, AAD.passport),
    homeOrgUnitId: row.homeOrgUnitId,
    homeAddress: cipher.decryptNullable(row.homeAddressEnc, AAD.homeAddress),
    phone: cipher.decryptNullable(row.phoneEnc, AAD.phone),
    language: row.language,
    guardian: cipher.decryptJson<Guardian>(row.guardianEnc, AAD.guardian),
  };
}

/** A validated person in the same shape as `plaintextPerson`, for `changedFields`. */
export function comparablePerson(person: PersonInput): Record<string, unknown> {
  return {
    fullName: person.fullName,
    otherNames: person.otherNames,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    birthYear: person.dateOfBirth ? null : person.birthYear,
    estimatedAge: person.estimatedAge,
    ageEstimatedOn: person.ageEstimatedOn,
    ageUncertain: person.ageUncertain,
    ethnicity: person.ethnicity,
    citizenship: person.citizenship,
    citizenId: person.citizenId,
    passportNumber: person.passportNumber,
    homeOrgUnitId: person.homeOrgUnitId,
    homeAddress: person.homeAddress,
    phone: person.phone,
    language: person.language,
    guardian: person.guardian,
  };
}

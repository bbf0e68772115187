import type { ConsentGiver, ConsentPurpose } from './codes.ts';
import { ageOn, isTreatedAsChild, type AgeFacts } from './person.ts';

/**
 * Consent (sự đồng ý) recorded in a victim file, per purpose.
 *
 * An adult consents for themselves. For a child — anyone the file treats as a child, see
 * `isTreatedAsChild` — a parent's or guardian's consent is required, and a child aged 7 or more must
 * also give their own (Luật Trẻ em 2016; the personal-data rules for children: Nghị định
 * 13/2023/NĐ-CP Điều 20, Luật Bảo vệ dữ liệu cá nhân 2025). A child treated as such without a known
 * age is asked for their own consent too. A withdrawn consent stops counting on the day of withdrawal.
 */
export const CHILD_OWN_CONSENT_AGE = 7;

export const CONSENT_LEGAL_REFERENCE =
  'Luật Trẻ em 2016; Nghị định 13/2023/NĐ-CP (Điều 20); Luật Bảo vệ dữ liệu cá nhân 2025 — trẻ em từ đủ 7 tuổi cũng phải đồng ý';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  givenBy: ConsentGiver;
  /** ISO date the consent was given. */
  givenOn: string;
  /** ISO date it was withdrawn, if it was. */
  withdrawnOn?: string | null;
}

/** Whether the record counts on `onDate`: given on or before, not withdrawn on or before that day. */
export function isConsentInForce(consent: ConsentRecord, onDate: string): boolean {
  return consent.givenOn <= onDate && (!consent.withdrawnOn || consent.withdrawnOn > onDate);
}

/** Whose consent `purpose` needs on `onDate` for this person. */
export function requiredConsentGivers(person: AgeFacts, onDate: string): ConsentGiver[] {
  if (!isTreatedAsChild(person, onDate)) return ['person'];
  const age = ageOn(person, onDate);
  return age !== null && age < CHILD_OWN_CONSENT_AGE ? ['guardian'] : ['guardian', 'person'];
}

export interface ConsentCheck {
  valid: boolean;
  /** Whose consent is missing (empty when valid). */
  missing: ConsentGiver[];
}

export function consentCheck(consents: readonly ConsentRecord[], purpose: ConsentPurpose, person: AgeFacts, onDate: string): ConsentCheck {
  const inForce = consents.filter((consent) => consent.purpose === purpose && isConsentInForce(consent, onDate));
  const missing = requiredConsentGivers(person, onDate).filter((giver) => !inForce.some((consent) => consent.givenBy === giver));
  return { valid: missing.length === 0, missing };
}

export function hasValidConsent(consents: readonly ConsentRecord[], purpose: ConsentPurpose, person: AgeFacts, onDate: string): boolean {
  return consentCheck(consents, purpose, person, onDate).valid;
}

/** "whose consent" phrases, for messages. */
export const CONSENT_GIVER_PHRASES: Readonly<Record<ConsentGiver, string>> = {
  person: 'của chính người đó',
  guardian: 'của cha, mẹ hoặc người giám hộ',
};

/** A Vietnamese sentence saying whose consent is missing, or null when none is. */
export function missingConsentMessage(check: ConsentCheck): string | null {
  if (check.valid) return null;
  return `Chưa có sự đồng ý ${check.missing.map((giver) => CONSENT_GIVER_PHRASES[giver]).join(' và ')} (còn hiệu lực).`;
}

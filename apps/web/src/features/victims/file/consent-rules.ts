import { CHILD_OWN_CONSENT_AGE, REFERRAL_CONSENT_PURPOSES, type ConsentGiver, type ConsentPurpose } from '@atmis/domain';

/**
 * Consent rules as the file page can apply them. The masked view carries no date of birth, so the
 * domain's `requiredConsentGivers` (which needs the full age facts) cannot run here: the server
 * already decided `treatedAsChild`, and the birth year tells a child certainly under 7 apart from
 * the others. When the year leaves it open the child's own consent is asked too — asking for one
 * consent too many is harmless, sending without one is not. The server checks again on sending.
 */
export interface MaskedAgeFacts {
  treatedAsChild: boolean;
  birthYear: number | null;
}

export interface ConsentFacts {
  personId: string;
  purpose: ConsentPurpose;
  givenBy: ConsentGiver;
  inForce: boolean;
}

/** Whose consent this person needs: the person (adult), the guardian (child under 7), or both. */
export function requiredGiversOf(person: MaskedAgeFacts, today: string): ConsentGiver[] {
  if (!person.treatedAsChild) return ['person'];
  const yearsSinceBirth = person.birthYear === null ? null : Number(today.slice(0, 4)) - person.birthYear;
  // In the year of their 7th birthday a child may still be 6: only a smaller difference is certain.
  if (yearsSinceBirth !== null && yearsSinceBirth < CHILD_OWN_CONSENT_AGE) return ['guardian'];
  return ['guardian', 'person'];
}

/**
 * Whose consent is still missing before this person can be referred (a consent in force for a
 * referral or for sharing with another agency, from everyone who must give it): an empty list when
 * one purpose is complete; null when the reader cannot see the file's consents.
 */
export function missingReferralConsent(
  consents: readonly ConsentFacts[] | null,
  person: MaskedAgeFacts & { id: string },
  today: string,
): ConsentGiver[] | null {
  if (consents === null) return null;
  const required = requiredGiversOf(person, today);
  const missingByPurpose = REFERRAL_CONSENT_PURPOSES.map((purpose) =>
    required.filter(
      (giver) =>
        !consents.some(
          (consent) => consent.personId === person.id && consent.purpose === purpose && consent.givenBy === giver && consent.inForce,
        ),
    ),
  );
  if (missingByPurpose.some((missing) => missing.length === 0)) return [];
  return missingByPurpose[0] ?? required;
}

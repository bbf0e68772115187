import { describe, expect, it } from 'vitest';
import { missingReferralConsent, requiredGiversOf, type ConsentFacts } from './consent-rules.ts';

const today = '2026-06-15';
const adult = { id: 'a', treatedAsChild: false, birthYear: 1998 };
const child12 = { id: 'c', treatedAsChild: true, birthYear: 2014 };
const child5 = { id: 'y', treatedAsChild: true, birthYear: 2021 };

describe('consent rules on the masked view', () => {
  it('asks an adult, a young child’s guardian, an older child and their guardian', () => {
    expect(requiredGiversOf(adult, today)).toEqual(['person']);
    expect(requiredGiversOf(child5, today)).toEqual(['guardian']);
    expect(requiredGiversOf(child12, today)).toEqual(['guardian', 'person']);
  });

  it('asks the child too when the birth year leaves the 7th birthday open, or the age is unknown', () => {
    expect(requiredGiversOf({ treatedAsChild: true, birthYear: 2019 }, today)).toEqual(['guardian', 'person']);
    expect(requiredGiversOf({ treatedAsChild: true, birthYear: 2020 }, today)).toEqual(['guardian']);
    expect(requiredGiversOf({ treatedAsChild: true, birthYear: null }, today)).toEqual(['guardian', 'person']);
    // An adult by the year who is treated as a child (uncertain age) is asked like a child.
    expect(requiredGiversOf({ treatedAsChild: true, birthYear: 2008 }, today)).toEqual(['guardian', 'person']);
  });

  it('finds what a referral still needs', () => {
    const consent = (
      personId: string,
      purpose: ConsentFacts['purpose'],
      givenBy: ConsentFacts['givenBy'],
      inForce = true,
    ): ConsentFacts => ({
      personId,
      purpose,
      givenBy,
      inForce,
    });
    expect(missingReferralConsent(null, adult, today)).toBeNull();
    expect(missingReferralConsent([], adult, today)).toEqual(['person']);
    expect(missingReferralConsent([consent('a', 'referral', 'person')], adult, today)).toEqual([]);
    expect(missingReferralConsent([consent('a', 'share_with_agency', 'person')], adult, today)).toEqual([]);
    // Withdrawn, for another purpose or another person: does not count.
    expect(missingReferralConsent([consent('a', 'referral', 'person', false)], adult, today)).toEqual(['person']);
    expect(missingReferralConsent([consent('a', 'media', 'person')], adult, today)).toEqual(['person']);
    expect(missingReferralConsent([consent('c', 'referral', 'person')], adult, today)).toEqual(['person']);
    // A child of 12: the guardian alone is not enough; both for the same purpose are.
    expect(missingReferralConsent([consent('c', 'referral', 'guardian')], child12, today)).toEqual(['person']);
    expect(
      missingReferralConsent([consent('c', 'referral', 'guardian'), consent('c', 'share_with_agency', 'person')], child12, today),
    ).toEqual(['person']);
    expect(missingReferralConsent([consent('c', 'referral', 'guardian'), consent('c', 'referral', 'person')], child12, today)).toEqual([]);
    expect(missingReferralConsent([consent('y', 'referral', 'guardian')], child5, today)).toEqual([]);
  });
});

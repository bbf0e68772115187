import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES } from './codes.ts';
import {
  CHILD_OWN_CONSENT_AGE,
  consentCheck,
  hasValidConsent,
  isConsentInForce,
  missingConsentMessage,
  requiredConsentGivers,
  type ConsentRecord,
} from './consent.ts';

const ON = '2026-03-10';
const adult = { dateOfBirth: '1995-05-01' };
const child5 = { dateOfBirth: '2020-06-01' };
const child7 = { dateOfBirth: '2019-03-10' }; // 7 today
const child15 = { dateOfBirth: '2010-06-01' };

const consent = (givenBy: 'person' | 'guardian', extra: Partial<ConsentRecord> = {}): ConsentRecord => ({
  purpose: 'referral',
  givenBy,
  givenOn: '2026-03-01',
  ...extra,
});

describe('who must consent', () => {
  it('an adult consents for themselves', () => {
    expect(requiredConsentGivers(adult, ON)).toEqual(['person']);
  });
  it('a child under 7: the parent or guardian', () => {
    expect(CHILD_OWN_CONSENT_AGE).toBe(7);
    expect(requiredConsentGivers(child5, ON)).toEqual(['guardian']);
  });
  it('a child from 7 (on the birthday): the guardian and the child', () => {
    expect(requiredConsentGivers(child7, ON)).toEqual(['guardian', 'person']);
    expect(requiredConsentGivers(child7, '2026-03-09')).toEqual(['guardian']);
    expect(requiredConsentGivers(child15, ON)).toEqual(['guardian', 'person']);
  });
  it('a person treated as a child (uncertain age) needs both, even without any known age', () => {
    expect(requiredConsentGivers({ estimatedAge: 19 }, ON)).toEqual(['guardian', 'person']);
    expect(requiredConsentGivers({ ageUncertain: true }, ON)).toEqual(['guardian', 'person']);
  });
});

describe('hasValidConsent', () => {
  it('an adult’s own consent for the purpose', () => {
    expect(hasValidConsent([consent('person')], 'referral', adult, ON)).toBe(true);
    expect(hasValidConsent([consent('person', { purpose: 'media' })], 'referral', adult, ON)).toBe(false);
    expect(hasValidConsent([], 'referral', adult, ON)).toBe(false);
  });
  it('a guardian cannot consent for an adult', () => {
    expect(hasValidConsent([consent('guardian')], 'referral', adult, ON)).toBe(false);
  });
  it('a young child: the guardian’s consent suffices; the child’s alone does not', () => {
    expect(hasValidConsent([consent('guardian')], 'referral', child5, ON)).toBe(true);
    expect(hasValidConsent([consent('person')], 'referral', child5, ON)).toBe(false);
  });
  it('a 15-year-old: both consents are needed', () => {
    expect(hasValidConsent([consent('guardian')], 'referral', child15, ON)).toBe(false);
    expect(hasValidConsent([consent('person')], 'referral', child15, ON)).toBe(false);
    expect(hasValidConsent([consent('guardian'), consent('person')], 'referral', child15, ON)).toBe(true);
  });
  it('counts a consent from the day it is given', () => {
    expect(hasValidConsent([consent('person', { givenOn: ON })], 'referral', adult, ON)).toBe(true);
    expect(hasValidConsent([consent('person', { givenOn: '2026-03-11' })], 'referral', adult, ON)).toBe(false);
  });
  it('stops counting a withdrawn consent on the day of withdrawal', () => {
    expect(hasValidConsent([consent('person', { withdrawnOn: '2026-03-11' })], 'referral', adult, ON)).toBe(true);
    expect(hasValidConsent([consent('person', { withdrawnOn: ON })], 'referral', adult, ON)).toBe(false);
    expect(hasValidConsent([consent('person', { withdrawnOn: '2026-03-05' })], 'referral', adult, ON)).toBe(false);
  });
  it('a withdrawn consent followed by a new one counts again', () => {
    const records = [consent('person', { withdrawnOn: '2026-03-05' }), consent('person', { givenOn: '2026-03-08' })];
    expect(hasValidConsent(records, 'referral', adult, ON)).toBe(true);
    expect(hasValidConsent(records, 'referral', adult, '2026-03-06')).toBe(false);
  });
  it('a child who turns 18 decides alone: the guardian’s consent no longer suffices', () => {
    const nearly18 = { dateOfBirth: '2008-03-11' };
    expect(hasValidConsent([consent('guardian'), consent('person')], 'referral', nearly18, ON)).toBe(true);
    expect(hasValidConsent([consent('guardian')], 'referral', nearly18, '2026-03-11')).toBe(false);
    expect(hasValidConsent([consent('guardian'), consent('person')], 'referral', nearly18, '2026-03-11')).toBe(true);
  });
  it('says whose consent is missing', () => {
    const check = consentCheck([consent('person')], 'referral', child15, ON);
    expect(check).toEqual({ valid: false, missing: ['guardian'] });
    expect(missingConsentMessage(check)).toBe('Chưa có sự đồng ý của cha, mẹ hoặc người giám hộ (còn hiệu lực).');
    expect(missingConsentMessage(consentCheck([], 'referral', child15, ON))).toBe(
      'Chưa có sự đồng ý của cha, mẹ hoặc người giám hộ và của chính người đó (còn hiệu lực).',
    );
    expect(missingConsentMessage(consentCheck([consent('person')], 'referral', adult, ON))).toBeNull();
  });
  it('property: a consent counts exactly between the day it is given and the day it is withdrawn', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        day,
        fc.option(day, { nil: null }),
        day,
        fc.constantFrom(...CONSENT_PURPOSES),
        (givenOn, withdrawnOn, onDate, purpose) => {
          const record: ConsentRecord = { purpose, givenBy: 'person', givenOn, withdrawnOn };
          const expected = givenOn <= onDate && (withdrawnOn === null || onDate < withdrawnOn);
          expect(isConsentInForce(record, onDate)).toBe(expected);
          expect(hasValidConsent([record], purpose, adult, onDate)).toBe(expected);
        },
      ),
    );
  });
});

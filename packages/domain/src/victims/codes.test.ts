import { describe, expect, it } from 'vitest';
import {
  CONSENT_GIVER_LABELS,
  CONSENT_GIVERS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  CONTROL_MEANS,
  CONTROL_MEANS_LABELS,
  COUNTRY_CODES,
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_SOURCES,
  EXPLOITATION_FORM_LABELS,
  EXPLOITATION_FORMS,
  HTCDS_FIELDS,
  IDENTIFICATION_INDICATOR_LABELS,
  IDENTIFICATION_INDICATORS,
  isConsentGiver,
  isConsentPurpose,
  isControlMeans,
  isCountryCode,
  isEvidenceSource,
  isExploitationForm,
  isIdentificationIndicator,
  isPersonRole,
  isProtectionMeasure,
  isReceptionWay,
  isRecruiterRelationship,
  isRecruitmentMethod,
  isSex,
  isSupportType,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  PROTECTION_MEASURE_LABELS,
  PROTECTION_MEASURES,
  RECEPTION_WAY_LABELS,
  RECEPTION_WAYS,
  RECRUITER_RELATIONSHIP_LABELS,
  RECRUITER_RELATIONSHIPS,
  RECRUITMENT_METHOD_LABELS,
  RECRUITMENT_METHODS,
  SEX_LABELS,
  SEXES,
  SUPPORT_TYPE_LABELS,
  SUPPORT_TYPES,
  type CodeLabel,
} from './codes.ts';

/**
 * The HTCDS v2.0 value names of each picklist used here, copied from
 * shared/data/htcds/field-standards-2.0.csv ("Value Names (if picklist)").
 */
const HTCDS_VALUES: Record<keyof typeof HTCDS_FIELDS, readonly string[]> = {
  personRole: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  sex: ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'],
  exploitationForm: [
    'ForcedLabour',
    'SexualExploitation',
    'ChildLabour',
    'ForcedMarriage',
    'Servitude',
    'ForcedMilitaryByNonStateActors',
    'OrganRemoval',
    'ForcedBegging',
    'ForcedAdoption',
    'Surrogacy',
    'Other',
  ],
  controlMeans: [
    'PhysicalThreats',
    'ThreatsLawEnforcement',
    'ThreatensChildrenFamily',
    'DebtBondage',
    'FalsePromises',
    'PhysicalAbuse',
    'SexualAbuse',
    'TakesEarnings',
    'RestrictsFinancialAccess',
    'RestrictsMedicalCare',
    'WithholdsNecessities',
    'PsychologicalAbuse',
    'PsychoactiveSubstance',
    'ExcessiveWorkingHours',
    'WithholdsDocuments',
    'Other',
  ],
  recruitmentMethod: [
    'AtAPlaceOfBusiness',
    'AtAnEducationalInstitution',
    'AtWork',
    'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement',
    'ThroughATelevisionAdvert',
    'ThroughANewspaperAdvert',
    'ThroughFamilyOrFamilyEvents',
    'ThroughFriendsOrSocialEvents',
    'Other',
  ],
  recruiterRelationship: ['Familial', 'Acquainted', 'Unaquainted'],
  supportType: [
    'Education',
    'Financial',
    'Health',
    'LabourExploitationRehabilitation',
    'Legal',
    'Livelihood',
    'RightsBasedTraining',
    'SexualExploitationRehabilitation',
    'SocialCare',
  ],
};

interface CodeList {
  name: string;
  codes: readonly string[];
  labels: Readonly<Record<string, CodeLabel>>;
  guard: (value: unknown) => boolean;
  htcds?: keyof typeof HTCDS_FIELDS;
}

const LISTS: CodeList[] = [
  { name: 'person roles', codes: PERSON_ROLES, labels: PERSON_ROLE_LABELS, guard: isPersonRole, htcds: 'personRole' },
  { name: 'sexes', codes: SEXES, labels: SEX_LABELS, guard: isSex, htcds: 'sex' },
  { name: 'reception ways', codes: RECEPTION_WAYS, labels: RECEPTION_WAY_LABELS, guard: isReceptionWay },
  {
    name: 'exploitation forms',
    codes: EXPLOITATION_FORMS,
    labels: EXPLOITATION_FORM_LABELS,
    guard: isExploitationForm,
    htcds: 'exploitationForm',
  },
  { name: 'control means', codes: CONTROL_MEANS, labels: CONTROL_MEANS_LABELS, guard: isControlMeans, htcds: 'controlMeans' },
  {
    name: 'recruitment methods',
    codes: RECRUITMENT_METHODS,
    labels: RECRUITMENT_METHOD_LABELS,
    guard: isRecruitmentMethod,
    htcds: 'recruitmentMethod',
  },
  {
    name: 'recruiter relationships',
    codes: RECRUITER_RELATIONSHIPS,
    labels: RECRUITER_RELATIONSHIP_LABELS,
    guard: isRecruiterRelationship,
    htcds: 'recruiterRelationship',
  },
  { name: 'evidence sources', codes: EVIDENCE_SOURCES, labels: EVIDENCE_SOURCE_LABELS, guard: isEvidenceSource },
  {
    name: 'identification indicators',
    codes: IDENTIFICATION_INDICATORS,
    labels: IDENTIFICATION_INDICATOR_LABELS,
    guard: isIdentificationIndicator,
  },
  { name: 'support types', codes: SUPPORT_TYPES, labels: SUPPORT_TYPE_LABELS, guard: isSupportType, htcds: 'supportType' },
  { name: 'protection measures', codes: PROTECTION_MEASURES, labels: PROTECTION_MEASURE_LABELS, guard: isProtectionMeasure },
  { name: 'consent purposes', codes: CONSENT_PURPOSES, labels: CONSENT_PURPOSE_LABELS, guard: isConsentPurpose },
  { name: 'consent givers', codes: CONSENT_GIVERS, labels: CONSENT_GIVER_LABELS, guard: isConsentGiver },
];

describe.each(LISTS)('$name', ({ codes, labels, guard, htcds }) => {
  it('labels every code, in Vietnamese and English, and nothing else', () => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(labels[code]!.vi.trim(), code).not.toBe('');
      expect(labels[code]!.en.trim(), code).not.toBe('');
    }
  });
  it('gives every code a distinct Vietnamese label (an officer can tell them apart)', () => {
    const vi = codes.map((code) => labels[code]!.vi);
    expect(new Set(vi).size).toBe(vi.length);
  });
  it('uses stable snake_case codes without duplicates', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });
  it('has a type guard that accepts exactly the codes', () => {
    for (const code of codes) expect(guard(code)).toBe(true);
    for (const other of ['', 'OTHER', ' other', 'unknown_code', 1, null, undefined, {}, ['victim']]) {
      if (typeof other === 'string' && codes.includes(other)) continue;
      expect(guard(other), String(other)).toBe(false);
    }
  });
  if (htcds) {
    it('maps to exact HTCDS v2.0 value names of its field', () => {
      for (const code of codes) {
        const value = labels[code]!.htcds;
        if (value !== undefined) expect(HTCDS_VALUES[htcds], `${code} → ${value}`).toContain(value);
      }
    });
  }
});

describe('HTCDS coding of the concepts the standard has', () => {
  it('codes the trafficking status of the three identification roles', () => {
    expect(PERSON_ROLE_LABELS.under_identification.htcds).toBe('PossibleVictimOfTrafficking');
    expect(PERSON_ROLE_LABELS.victim.htcds).toBe('ActualVictimOfTrafficking');
    expect(PERSON_ROLE_LABELS.not_victim.htcds).toBe('NotAVictimOfTrafficking');
    expect(PERSON_ROLE_LABELS.accompanying_child.htcds).toBeUndefined();
  });
  it('codes the forms of exploitation, except forced criminality which the standard lacks', () => {
    expect(EXPLOITATION_FORM_LABELS.sexual_exploitation.htcds).toBe('SexualExploitation');
    expect(EXPLOITATION_FORM_LABELS.forced_labour.htcds).toBe('ForcedLabour');
    expect(EXPLOITATION_FORM_LABELS.child_sale_adoption.htcds).toBe('ForcedAdoption');
    expect(EXPLOITATION_FORM_LABELS.forced_criminality.htcds).toBeUndefined();
  });
  it('covers every HTCDS means of control', () => {
    const mapped = new Set(CONTROL_MEANS.map((code) => CONTROL_MEANS_LABELS[code].htcds));
    for (const value of HTCDS_VALUES.controlMeans) expect(mapped, value).toContain(value);
  });
  it('covers every HTCDS recruitment method and relationship to the trafficker', () => {
    const methods = new Set(RECRUITMENT_METHODS.map((code) => RECRUITMENT_METHOD_LABELS[code].htcds));
    for (const value of HTCDS_VALUES.recruitmentMethod) expect(methods, value).toContain(value);
    const relationships = new Set(RECRUITER_RELATIONSHIPS.map((code) => RECRUITER_RELATIONSHIP_LABELS[code].htcds));
    for (const value of HTCDS_VALUES.recruiterRelationship) expect(relationships, value).toContain(value);
  });
  it('names the HTCDS fields the lists map to', () => {
    expect(HTCDS_FIELDS.exploitationForm).toBe('vic_TypeOfExploitation');
    expect(HTCDS_FIELDS.controlMeans).toBe('vic_MethodsOfControl');
  });
});

describe('lists an official expects', () => {
  it('lists the reception ways of the law', () => {
    expect(RECEPTION_WAY_LABELS.self_returned.vi).toBe('Tự trở về');
    expect(RECEPTION_WAY_LABELS.rescued.vi).toBe('Được giải cứu');
    expect(RECEPTION_WAY_LABELS.handed_over_by_foreign_authority.vi).toBe('Do phía nước ngoài trao trả');
    expect(RECEPTION_WAY_LABELS.via_mission.vi).toContain('cơ quan đại diện Việt Nam');
  });
  it('lists the evidence sources of khoản 1 Điều 32 in the order of its points a–i', () => {
    expect(EVIDENCE_SOURCES.map((code) => EVIDENCE_SOURCE_LABELS[code].point)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i']);
    expect(EVIDENCE_SOURCE_LABELS.procedural_authority.vi).toContain('tố tụng');
    expect(EVIDENCE_SOURCE_LABELS.other_lawful.vi).toBe('Tài liệu, chứng cứ hợp pháp khác');
  });
  it('has a checklist of at least 12 trafficking indicators', () => {
    expect(IDENTIFICATION_INDICATORS.length).toBeGreaterThanOrEqual(12);
    expect(IDENTIFICATION_INDICATOR_LABELS.documents_withheld.vi).toContain('giấy tờ tùy thân');
  });
  it('lists every support regime, health insurance apart from medical care', () => {
    expect(SUPPORT_TYPES).toEqual([
      'essential_needs',
      'travel',
      'medical',
      'health_insurance',
      'psychological',
      'legal_aid',
      'schooling',
      'vocational_training',
      'initial_hardship',
      'loan',
    ]);
    expect(SUPPORT_TYPE_LABELS.initial_hardship.vi).toBe('Trợ cấp khó khăn ban đầu');
  });
  it('lists the consent purposes', () => {
    expect(CONSENT_PURPOSES).toEqual(['receive_support', 'share_with_agency', 'referral', 'data_processing', 'media']);
  });
});

describe('country codes', () => {
  it('holds the ISO 3166-1 alpha-2 codes (249, plus XK)', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    for (const code of ['VN', 'CN', 'KH', 'LA', 'TH', 'MY', 'MM', 'KR', 'JP', 'TW', 'GB', 'DE', 'AE', 'XK']) {
      expect(isCountryCode(code), code).toBe(true);
    }
  });
  it('refuses reserved, obsolete, lower-case and non-string codes', () => {
    for (const code of ['UK', 'EU', 'UN', 'YU', 'ZZ', 'vn', 'VNM', '', 84, null]) expect(isCountryCode(code), String(code)).toBe(false);
  });
});

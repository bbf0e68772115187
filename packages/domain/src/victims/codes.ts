/**
 * Code lists of the victim file (hồ sơ nạn nhân), Vietnamese first with an English label.
 *
 * Where the HTCDS v2.0 field standard (Human Trafficking Case Data Standard,
 * shared/data/htcds/field-standards-2.0.csv) has the concept, each code carries the HTCDS
 * *value name* (the machine name of the picklist value, e.g. `SexualExploitation`) in `htcds`, and
 * `HTCDS_FIELDS` names the HTCDS field the list maps to, so that data can be exchanged with partners
 * using the standard. Codes without an HTCDS equivalent (Vietnamese legal concepts) have no `htcds`.
 *
 * Codes are stable identifiers stored in the database; labels may be reworded freely.
 */
export interface CodeLabel {
  vi: string;
  en: string;
  /** HTCDS v2.0 value name, when the standard has the concept. */
  htcds?: string;
}

function guard<const T extends string>(codes: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (codes as readonly string[]).includes(value);
}

/** The HTCDS field each list corresponds to. */
export const HTCDS_FIELDS = {
  personRole: 'vic_TraffickingStatus',
  sex: 'prs_Gender',
  exploitationForm: 'vic_TypeOfExploitation',
  controlMeans: 'vic_MethodsOfControl',
  recruitmentMethod: 'vic_MethodOfRecruitment',
  recruiterRelationship: 'vic_RelationshipToTrafficker',
  supportType: 'spl_Type',
} as const;

// ---------------------------------------------------------------------------------------------
/** The role of a person in a victim file. Only the first three go through identification. */
export const PERSON_ROLES = ['under_identification', 'victim', 'not_victim', 'accompanying_child', 'relative'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const isPersonRole = guard(PERSON_ROLES);

export const PERSON_ROLE_LABELS: Readonly<Record<PersonRole, CodeLabel>> = {
  under_identification: {
    vi: 'Người đang trong quá trình xác định là nạn nhân',
    en: 'Person being identified as a victim',
    htcds: 'PossibleVictimOfTrafficking',
  },
  victim: { vi: 'Nạn nhân', en: 'Victim', htcds: 'ActualVictimOfTrafficking' },
  not_victim: { vi: 'Không phải nạn nhân', en: 'Not a victim', htcds: 'NotAVictimOfTrafficking' },
  accompanying_child: { vi: 'Trẻ em đi cùng', en: 'Accompanying child' },
  relative: { vi: 'Người thân', en: 'Relative' },
};

/** Roles subject to the identification process (and counted as received in statistics). */
export const IDENTIFICATION_ROLES: readonly PersonRole[] = ['under_identification', 'victim', 'not_victim'];

// ---------------------------------------------------------------------------------------------
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const isSex = guard(SEXES);

export const SEX_LABELS: Readonly<Record<Sex, CodeLabel>> = {
  female: { vi: 'Nữ', en: 'Female', htcds: 'Feminine' },
  male: { vi: 'Nam', en: 'Male', htcds: 'Masculine' },
  other: { vi: 'Khác', en: 'Other' },
  unknown: { vi: 'Chưa xác định', en: 'Unknown', htcds: 'NonSpecifiedUnknown' },
};

// ---------------------------------------------------------------------------------------------
/** How the person came to be received (hình thức tiếp nhận / trở về). No HTCDS equivalent. */
export const RECEPTION_WAYS = [
  'self_returned',
  'rescued',
  'handed_over_by_foreign_authority',
  'via_mission',
  'reported_by_family',
  'other',
] as const;
export type ReceptionWay = (typeof RECEPTION_WAYS)[number];
export const isReceptionWay = guard(RECEPTION_WAYS);

export const RECEPTION_WAY_LABELS: Readonly<Record<ReceptionWay, CodeLabel>> = {
  self_returned: { vi: 'Tự trở về', en: 'Returned on their own' },
  rescued: { vi: 'Được giải cứu', en: 'Rescued' },
  handed_over_by_foreign_authority: { vi: 'Do phía nước ngoài trao trả', en: 'Handed over by a foreign authority' },
  via_mission: { vi: 'Qua cơ quan đại diện Việt Nam ở nước ngoài', en: 'Through a Vietnamese mission abroad' },
  reported_by_family: { vi: 'Do gia đình trình báo', en: 'Reported by the family' },
  other: { vi: 'Hình thức khác', en: 'Other' },
};

// ---------------------------------------------------------------------------------------------
/** Forms (purposes) of exploitation; a person may have several. */
export const EXPLOITATION_FORMS = [
  'sexual_exploitation',
  'forced_labour',
  'forced_marriage',
  'organ_removal',
  'child_sale_adoption',
  'surrogacy',
  'forced_criminality',
  'forced_begging',
  'other',
] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];
export const isExploitationForm = guard(EXPLOITATION_FORMS);

export const EXPLOITATION_FORM_LABELS: Readonly<Record<ExploitationForm, CodeLabel>> = {
  sexual_exploitation: { vi: 'Bóc lột tình dục', en: 'Sexual exploitation', htcds: 'SexualExploitation' },
  forced_labour: { vi: 'Cưỡng bức lao động', en: 'Forced labour', htcds: 'ForcedLabour' },
  forced_marriage: { vi: 'Ép buộc kết hôn', en: 'Forced marriage', htcds: 'ForcedMarriage' },
  organ_removal: { vi: 'Lấy bộ phận cơ thể người', en: 'Organ removal', htcds: 'OrganRemoval' },
  child_sale_adoption: { vi: 'Bán trẻ em, nhận con nuôi trái phép', en: 'Sale of children, illegal adoption', htcds: 'ForcedAdoption' },
  surrogacy: { vi: 'Mang thai hộ vì mục đích thương mại', en: 'Commercial surrogacy', htcds: 'Surrogacy' },
  forced_criminality: { vi: 'Cưỡng bức thực hiện hành vi phạm tội', en: 'Forced criminality' },
  forced_begging: { vi: 'Cưỡng bức ăn xin', en: 'Forced begging', htcds: 'ForcedBegging' },
  other: { vi: 'Mục đích vô nhân đạo khác', en: 'Other inhumane purpose', htcds: 'Other' },
};

// ---------------------------------------------------------------------------------------------
/** Means the trafficker used to control the person (HTCDS vic_MethodsOfControl, plus restricting movement). */
export const CONTROL_MEANS = [
  'threats',
  'threats_of_law_enforcement',
  'threats_to_family',
  'physical_violence',
  'sexual_violence',
  'psychological_abuse',
  'withholding_documents',
  'debt_bondage',
  'restricting_movement',
  'drugs_alcohol',
  'withholding_wages',
  'restricting_financial_access',
  'restricting_medical_care',
  'withholding_necessities',
  'excessive_working_hours',
  'false_promises',
  'other',
] as const;
export type ControlMeans = (typeof CONTROL_MEANS)[number];
export const isControlMeans = guard(CONTROL_MEANS);

export const CONTROL_MEANS_LABELS: Readonly<Record<ControlMeans, CodeLabel>> = {
  threats: { vi: 'Đe dọa dùng vũ lực', en: 'Physical threats', htcds: 'PhysicalThreats' },
  threats_of_law_enforcement: {
    vi: 'Đe dọa tố giác với cơ quan chức năng (cư trú, lao động bất hợp pháp)',
    en: 'Threats of law enforcement',
    htcds: 'ThreatsLawEnforcement',
  },
  threats_to_family: { vi: 'Đe dọa con cái, gia đình', en: 'Threats to children or family', htcds: 'ThreatensChildrenFamily' },
  physical_violence: { vi: 'Bạo lực thể chất, đánh đập', en: 'Physical violence', htcds: 'PhysicalAbuse' },
  sexual_violence: { vi: 'Bạo lực, xâm hại tình dục', en: 'Sexual violence', htcds: 'SexualAbuse' },
  psychological_abuse: { vi: 'Bạo hành tâm lý, lăng mạ, cô lập', en: 'Psychological abuse', htcds: 'PsychologicalAbuse' },
  withholding_documents: { vi: 'Giữ giấy tờ tùy thân, hộ chiếu', en: 'Withholding identity documents', htcds: 'WithholdsDocuments' },
  debt_bondage: { vi: 'Gán nợ, ép trả nợ', en: 'Debt bondage', htcds: 'DebtBondage' },
  restricting_movement: { vi: 'Giam giữ, hạn chế đi lại, liên lạc', en: 'Confinement, restricting movement or contact' },
  drugs_alcohol: { vi: 'Ép sử dụng ma túy, rượu, chất kích thích', en: 'Drugs or alcohol', htcds: 'PsychoactiveSubstance' },
  withholding_wages: { vi: 'Không trả hoặc chiếm đoạt tiền công', en: 'Withholding or taking earnings', htcds: 'TakesEarnings' },
  restricting_financial_access: {
    vi: 'Hạn chế tiếp cận tiền bạc, tài chính',
    en: 'Restricting financial access',
    htcds: 'RestrictsFinancialAccess',
  },
  restricting_medical_care: { vi: 'Không cho khám, chữa bệnh', en: 'Restricting medical care', htcds: 'RestrictsMedicalCare' },
  withholding_necessities: { vi: 'Bỏ đói, không cung cấp nhu cầu thiết yếu', en: 'Withholding necessities', htcds: 'WithholdsNecessities' },
  excessive_working_hours: { vi: 'Ép làm việc quá thời giờ', en: 'Excessive working hours', htcds: 'ExcessiveWorkingHours' },
  false_promises: { vi: 'Hứa hẹn gian dối (việc làm, thu nhập, hôn nhân)', en: 'False promises', htcds: 'FalsePromises' },
  other: { vi: 'Thủ đoạn khác', en: 'Other', htcds: 'Other' },
};

// ---------------------------------------------------------------------------------------------
/** How the person was recruited (HTCDS vic_MethodOfRecruitment, plus three common Vietnamese patterns). */
export const RECRUITMENT_METHODS = [
  'at_place_of_business',
  'at_educational_institution',
  'at_work',
  'online_social_network',
  'online_advertisement',
  'television_advert',
  'newspaper_advert',
  'through_family',
  'through_friends',
  'labour_broker',
  'marriage_or_romance',
  'abduction',
  'other',
] as const;
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];
export const isRecruitmentMethod = guard(RECRUITMENT_METHODS);

export const RECRUITMENT_METHOD_LABELS: Readonly<Record<RecruitmentMethod, CodeLabel>> = {
  at_place_of_business: { vi: 'Tại cơ sở kinh doanh, dịch vụ', en: 'At a place of business', htcds: 'AtAPlaceOfBusiness' },
  at_educational_institution: { vi: 'Tại trường học', en: 'At an educational institution', htcds: 'AtAnEducationalInstitution' },
  at_work: { vi: 'Tại nơi làm việc', en: 'At work', htcds: 'AtWork' },
  online_social_network: { vi: 'Qua mạng xã hội', en: 'Through online social networks', htcds: 'ThroughOnlineSocialNetworks' },
  online_advertisement: { vi: 'Qua quảng cáo trên mạng', en: 'Through an online advertisement', htcds: 'ThroughAnOnlineAdvertisement' },
  television_advert: { vi: 'Qua quảng cáo truyền hình', en: 'Through a television advert', htcds: 'ThroughATelevisionAdvert' },
  newspaper_advert: { vi: 'Qua quảng cáo trên báo', en: 'Through a newspaper advert', htcds: 'ThroughANewspaperAdvert' },
  through_family: { vi: 'Qua gia đình, người thân', en: 'Through family or family events', htcds: 'ThroughFamilyOrFamilyEvents' },
  through_friends: { vi: 'Qua bạn bè, người quen', en: 'Through friends or social events', htcds: 'ThroughFriendsOrSocialEvents' },
  labour_broker: { vi: 'Qua môi giới việc làm, xuất khẩu lao động', en: 'Through a job or labour-export broker', htcds: 'Other' },
  marriage_or_romance: { vi: 'Qua hẹn hò, môi giới hôn nhân', en: 'Through dating or marriage brokerage', htcds: 'Other' },
  abduction: { vi: 'Bắt cóc, cưỡng ép đưa đi', en: 'Abduction', htcds: 'Other' },
  other: { vi: 'Cách thức khác', en: 'Other', htcds: 'Other' },
};

// ---------------------------------------------------------------------------------------------
/** The person's relationship to the recruiter (HTCDS vic_RelationshipToTrafficker; "Unaquainted" is spelt as in the standard). */
export const RECRUITER_RELATIONSHIPS = ['familial', 'acquainted', 'unacquainted', 'unknown'] as const;
export type RecruiterRelationship = (typeof RECRUITER_RELATIONSHIPS)[number];
export const isRecruiterRelationship = guard(RECRUITER_RELATIONSHIPS);

export const RECRUITER_RELATIONSHIP_LABELS: Readonly<Record<RecruiterRelationship, CodeLabel>> = {
  familial: { vi: 'Người trong gia đình, họ hàng', en: 'Family member', htcds: 'Familial' },
  acquainted: { vi: 'Người quen (bạn bè, hàng xóm, người yêu)', en: 'Acquaintance', htcds: 'Acquainted' },
  unacquainted: { vi: 'Người lạ', en: 'Stranger', htcds: 'Unaquainted' },
  unknown: { vi: 'Chưa rõ', en: 'Unknown' },
};

// ---------------------------------------------------------------------------------------------
/** The bases for identifying a victim: khoản 1 Điều 32 Luật Phòng, chống mua bán người 2024, points a–i. */
export const EVIDENCE_SOURCES = [
  'procedural_authority',
  'rescuing_agency',
  'vietnamese_mission',
  'domestic_agency',
  'foreign_authority',
  'person_statement',
  'perpetrator_statement',
  'witness_statement',
  'other_lawful',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export const isEvidenceSource = guard(EVIDENCE_SOURCES);

export const EVIDENCE_SOURCE_LEGAL_REFERENCE = 'Khoản 1 Điều 32 Luật Phòng, chống mua bán người 2024';

export const EVIDENCE_SOURCE_LABELS: Readonly<Record<EvidenceSource, CodeLabel & { point: string }>> = {
  procedural_authority: {
    point: 'a',
    vi: 'Tài liệu, chứng cứ do cơ quan tiến hành tố tụng (cơ quan điều tra, Viện kiểm sát, Tòa án) cung cấp',
    en: 'Records from the investigating body, procuracy or court',
  },
  rescuing_agency: {
    point: 'b',
    vi: 'Thông tin, tài liệu do cơ quan giải cứu nạn nhân cung cấp',
    en: 'Information from the rescuing agency',
  },
  vietnamese_mission: {
    point: 'c',
    vi: 'Thông tin, tài liệu do cơ quan đại diện Việt Nam ở nước ngoài cung cấp',
    en: 'Information from a Vietnamese mission abroad',
  },
  domestic_agency: {
    point: 'd',
    vi: 'Thông tin, tài liệu do cơ quan, tổ chức khác trong nước cung cấp (kể cả cơ quan tiếp nhận)',
    en: 'Information from another domestic agency or organisation (including the receiving one)',
  },
  foreign_authority: {
    point: 'đ',
    vi: 'Tài liệu do cơ quan, tổ chức có thẩm quyền nước ngoài cung cấp',
    en: 'Documents from a competent foreign authority',
  },
  person_statement: {
    point: 'e',
    vi: 'Lời khai, tài liệu của người đang trong quá trình xác định là nạn nhân hoặc người thân thích',
    en: 'Statement or documents of the person or their relatives',
  },
  perpetrator_statement: {
    point: 'g',
    vi: 'Lời khai, tài liệu của người thực hiện hành vi mua bán người',
    en: 'Statement or documents of the trafficker',
  },
  witness_statement: {
    point: 'h',
    vi: 'Lời khai, tài liệu của nạn nhân khác hoặc người biết sự việc',
    en: 'Statement of other victims or witnesses',
  },
  other_lawful: { point: 'i', vi: 'Tài liệu, chứng cứ hợp pháp khác', en: 'Other lawful evidence' },
};

// ---------------------------------------------------------------------------------------------
/**
 * Indicators an officer ticks during verification (dấu hiệu nhận biết nạn nhân). They guide the
 * interview and the referral to police; they are not by themselves a legal basis for identification.
 */
export const IDENTIFICATION_INDICATORS = [
  'deceived_about_job_or_marriage',
  'documents_withheld',
  'confined_or_movement_restricted',
  'debt_bondage',
  'violence_or_threats',
  'sexual_abuse_or_forced_prostitution',
  'unpaid_or_withheld_wages',
  'excessive_hours_no_rest',
  'sold_or_exchanged_for_money',
  'irregular_border_crossing',
  'forced_marriage_or_pregnancy',
  'organ_removal',
  'forced_to_commit_offences',
  'child_without_parent_or_guardian',
] as const;
export type IdentificationIndicator = (typeof IDENTIFICATION_INDICATORS)[number];
export const isIdentificationIndicator = guard(IDENTIFICATION_INDICATORS);

export const IDENTIFICATION_INDICATOR_LABELS: Readonly<Record<IdentificationIndicator, CodeLabel>> = {
  deceived_about_job_or_marriage: {
    vi: 'Bị lừa dối về công việc, thu nhập, điều kiện làm việc hoặc hôn nhân',
    en: 'Deceived about the job, pay, working conditions or marriage',
  },
  documents_withheld: { vi: 'Bị giữ hộ chiếu, giấy tờ tùy thân', en: 'Passport or identity documents withheld' },
  confined_or_movement_restricted: {
    vi: 'Bị giam giữ, không được tự do đi lại hoặc liên lạc với gia đình',
    en: 'Confined, not free to move or contact family',
  },
  debt_bondage: { vi: 'Bị ép trả khoản nợ vô lý (phí môi giới, đi lại, ăn ở)', en: 'Forced to repay an unreasonable debt' },
  violence_or_threats: { vi: 'Bị đánh đập, đe dọa bản thân hoặc gia đình', en: 'Beaten or threatened, or family threatened' },
  sexual_abuse_or_forced_prostitution: { vi: 'Bị xâm hại tình dục hoặc ép bán dâm', en: 'Sexually abused or forced into prostitution' },
  unpaid_or_withheld_wages: { vi: 'Không được trả hoặc bị giữ tiền công', en: 'Unpaid or wages withheld' },
  excessive_hours_no_rest: { vi: 'Bị ép làm việc quá sức, không có ngày nghỉ', en: 'Forced to work excessive hours without rest' },
  sold_or_exchanged_for_money: {
    vi: 'Bị bán, chuyển giao hoặc đổi lấy tiền, tài sản',
    en: 'Sold, transferred or exchanged for money or goods',
  },
  irregular_border_crossing: {
    vi: 'Được đưa qua biên giới trái phép hoặc do người khác sắp xếp, chi trả',
    en: 'Taken across the border irregularly or by arrangement of others',
  },
  forced_marriage_or_pregnancy: { vi: 'Bị ép kết hôn, ép mang thai hoặc sinh con', en: 'Forced to marry, become pregnant or give birth' },
  organ_removal: { vi: 'Bị lấy hoặc bị ép bán bộ phận cơ thể', en: 'Organ removed or forced to sell one' },
  forced_to_commit_offences: {
    vi: 'Bị ép thực hiện hành vi vi phạm pháp luật (lừa đảo qua mạng, vận chuyển ma túy…)',
    en: 'Forced to commit offences (online scams, drug carrying…)',
  },
  child_without_parent_or_guardian: {
    vi: 'Người dưới 18 tuổi đi cùng người không phải cha mẹ, người giám hộ',
    en: 'Under 18 travelling with someone who is not a parent or guardian',
  },
};

// ---------------------------------------------------------------------------------------------
/** Support regimes for victims and persons being identified (Chương V Luật Phòng, chống mua bán người 2024). */
export const SUPPORT_TYPES = [
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
] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];
export const isSupportType = guard(SUPPORT_TYPES);

export const SUPPORT_TYPE_LABELS: Readonly<Record<SupportType, CodeLabel>> = {
  essential_needs: { vi: 'Hỗ trợ nhu cầu thiết yếu (ăn, ở, mặc)', en: 'Essential needs (food, shelter, clothing)', htcds: 'SocialCare' },
  travel: { vi: 'Hỗ trợ chi phí đi lại', en: 'Travel costs', htcds: 'Financial' },
  medical: { vi: 'Hỗ trợ y tế', en: 'Medical care', htcds: 'Health' },
  health_insurance: { vi: 'Hỗ trợ thẻ bảo hiểm y tế', en: 'Health insurance card', htcds: 'Health' },
  psychological: { vi: 'Hỗ trợ tâm lý', en: 'Psychological support', htcds: 'Health' },
  legal_aid: { vi: 'Trợ giúp pháp lý, tư vấn pháp luật', en: 'Legal aid and legal advice', htcds: 'Legal' },
  schooling: { vi: 'Hỗ trợ học văn hóa', en: 'Schooling', htcds: 'Education' },
  vocational_training: { vi: 'Hỗ trợ học nghề, tư vấn việc làm', en: 'Vocational training and job counselling', htcds: 'Livelihood' },
  initial_hardship: { vi: 'Trợ cấp khó khăn ban đầu', en: 'Initial hardship allowance', htcds: 'Financial' },
  loan: { vi: 'Hỗ trợ vay vốn', en: 'Loan', htcds: 'Financial' },
};

// ---------------------------------------------------------------------------------------------
/** Protection measures for a victim, a person being identified and their relatives. */
export const PROTECTION_MEASURES = [
  'guarding',
  'confidentiality',
  'safe_accommodation',
  'relocation',
  'restrict_contact',
  'escort',
  'warning_to_offender',
  'protect_relatives',
  'other',
] as const;
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];
export const isProtectionMeasure = guard(PROTECTION_MEASURES);

export const PROTECTION_MEASURE_LABELS: Readonly<Record<ProtectionMeasure, CodeLabel>> = {
  guarding: { vi: 'Bố trí lực lượng, phương tiện canh gác, bảo vệ', en: 'Guarding' },
  confidentiality: { vi: 'Giữ bí mật thông tin về nạn nhân và người thân', en: 'Keeping information confidential' },
  safe_accommodation: { vi: 'Bố trí nơi tạm trú an toàn', en: 'Safe temporary accommodation' },
  relocation: { vi: 'Di chuyển, giữ bí mật chỗ ở, nơi làm việc, học tập', en: 'Relocation, keeping residence secret' },
  restrict_contact: { vi: 'Hạn chế đối tượng đi lại, tiếp xúc với nạn nhân', en: 'Restricting the offender’s contact' },
  escort: { vi: 'Bảo vệ khi di chuyển, tham gia tố tụng', en: 'Escort during travel and proceedings' },
  warning_to_offender: { vi: 'Răn đe, cảnh cáo, ngăn chặn hành vi xâm hại', en: 'Warning and stopping the offender' },
  protect_relatives: { vi: 'Bảo vệ người thân của nạn nhân', en: 'Protecting relatives' },
  other: { vi: 'Biện pháp khác', en: 'Other' },
};

// ---------------------------------------------------------------------------------------------
/** What a consent is given for. */
export const CONSENT_PURPOSES = ['receive_support', 'share_with_agency', 'referral', 'data_processing', 'media'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const isConsentPurpose = guard(CONSENT_PURPOSES);

export const CONSENT_PURPOSE_LABELS: Readonly<Record<ConsentPurpose, CodeLabel>> = {
  receive_support: { vi: 'Nhận hỗ trợ', en: 'Receive support' },
  share_with_agency: { vi: 'Chia sẻ thông tin với cơ quan khác', en: 'Share information with another agency' },
  referral: { vi: 'Chuyển tuyến, chuyển gửi', en: 'Referral' },
  data_processing: { vi: 'Xử lý dữ liệu cá nhân', en: 'Processing of personal data' },
  media: { vi: 'Sử dụng hình ảnh, câu chuyện trên phương tiện truyền thông', en: 'Use of image or story in the media' },
};

export const CONSENT_GIVERS = ['person', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const isConsentGiver = guard(CONSENT_GIVERS);

export const CONSENT_GIVER_LABELS: Readonly<Record<ConsentGiver, CodeLabel>> = {
  person: { vi: 'Người được hỗ trợ', en: 'The person' },
  guardian: { vi: 'Cha, mẹ hoặc người giám hộ', en: 'Parent or guardian' },
};

// ---------------------------------------------------------------------------------------------
/** ISO 3166-1 alpha-2 country codes (plus XK, Kosovo, in common use), for citizenship and destination. */
const COUNTRY_CODE_LIST = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS XK YE YT ZA ZM ZW`;

export const COUNTRY_CODES: readonly string[] = COUNTRY_CODE_LIST.trim().split(/\s+/);
const COUNTRY_CODE_SET = new Set(COUNTRY_CODES);

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODE_SET.has(value);
}

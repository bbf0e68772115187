import { z } from 'zod';

/**
 * Kinds of agency (loại cơ quan) in the agency registry. The registry itself is data (it changes with
 * every reorganisation); these kinds are what rules and statistics group by, e.g. "tasks led by the
 * police", "reports from the procuracy". `standing_office` is for a body whose only role is to serve a
 * steering committee (the national "Văn phòng Thường trực BCĐ 138/CP"); in a province the standing
 * office is the provincial police (`Txx.CA`, type `police`).
 */
export const AGENCY_TYPES = [
  'steering_committee',
  'standing_office',
  'police',
  'border_guard',
  'military',
  'social_affairs',
  'home_affairs',
  'foreign_affairs',
  'justice',
  'information_communication',
  'culture',
  'education',
  'health',
  'finance',
  'planning_investment',
  'labour',
  'agriculture',
  'ethnic_affairs',
  'procuracy',
  'court',
  'fatherland_front',
  'womens_union',
  'youth_union',
  'farmers_union',
  'veterans_association',
  'trade_union',
  'media',
  'peoples_committee',
  'other',
] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];

export const agencyTypeSchema = z.enum(AGENCY_TYPES);

export function isAgencyType(value: string): value is AgencyType {
  return (AGENCY_TYPES as readonly string[]).includes(value);
}

export interface AgencyTypeLabel {
  vi: string;
  en: string;
}

export const AGENCY_TYPE_LABELS: Readonly<Record<AgencyType, AgencyTypeLabel>> = {
  steering_committee: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  standing_office: { vi: 'Cơ quan thường trực', en: 'Standing office' },
  police: { vi: 'Công an', en: 'Police' },
  border_guard: { vi: 'Bộ đội Biên phòng', en: 'Border guard' },
  military: { vi: 'Quân sự', en: 'Military' },
  social_affairs: { vi: 'Lao động – Thương binh và Xã hội', en: 'Labour, invalids and social affairs' },
  home_affairs: { vi: 'Nội vụ', en: 'Home affairs' },
  foreign_affairs: { vi: 'Ngoại giao, ngoại vụ', en: 'Foreign affairs' },
  justice: { vi: 'Tư pháp', en: 'Justice' },
  information_communication: { vi: 'Thông tin và truyền thông', en: 'Information and communications' },
  culture: { vi: 'Văn hóa, thể thao và du lịch', en: 'Culture, sports and tourism' },
  education: { vi: 'Giáo dục và đào tạo', en: 'Education and training' },
  health: { vi: 'Y tế', en: 'Health' },
  finance: { vi: 'Tài chính', en: 'Finance' },
  planning_investment: { vi: 'Kế hoạch và đầu tư', en: 'Planning and investment' },
  labour: { vi: 'Lao động, việc làm', en: 'Labour and employment' },
  agriculture: { vi: 'Nông nghiệp', en: 'Agriculture' },
  ethnic_affairs: { vi: 'Dân tộc và tôn giáo', en: 'Ethnic minorities and religion' },
  procuracy: { vi: 'Viện kiểm sát', en: 'Procuracy' },
  court: { vi: 'Tòa án', en: 'Court' },
  fatherland_front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  womens_union: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  youth_union: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  farmers_union: { vi: 'Hội Nông dân', en: "Farmers' Union" },
  veterans_association: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  trade_union: { vi: 'Công đoàn', en: 'Trade union' },
  media: { vi: 'Cơ quan báo chí', en: 'Media' },
  peoples_committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * Agency code conventions used by the reference registry (packages/db/src/seeds/data/agencies.json):
 *   TW.<suffix>       national bodies (org unit VN), e.g. TW.BCD138, TW.BCA
 *   T<pp>.<suffix>    bodies of current province pp (org unit VN.pp), e.g. T31.CA
 *   L<pp>.<suffix>    bodies of pre-2025 province pp (org unit VN.Lpp), valid until 2025-06-30 or earlier
 *   X<nnnnn>.UBND     People's Committee of current commune nnnnn (org unit VN.pp.nnnnn)
 *   D<nnn>.UBND       People's Committee of pre-2025 district nnn (org unit VN.Lpp.nnn)
 */
export const PROVINCE_AGENCY_SUFFIXES = {
  peoplesCommittee: 'UBND',
  steeringCommittee: 'BCD138',
  /** The provincial police: the standing office of the provincial steering committee. */
  standingOffice: 'CA',
  police: 'CA',
  homeAffairs: 'SNV',
  health: 'SYT',
  education: 'SGDDT',
  justice: 'STP',
  culture: 'SVHTTDL',
  scienceTechnology: 'SKHCN',
  finance: 'STC',
  foreignAffairs: 'SNGV',
  military: 'BCHQS',
  borderGuard: 'BDBP',
  procuracy: 'VKS',
  court: 'TAND',
  fatherlandFront: 'MTTQ',
  womensUnion: 'HLHPN',
  youthUnion: 'DTN',
  farmersUnion: 'HND',
  veteransAssociation: 'HCCB',
  tradeUnion: 'LDLD',
  media: 'BPTTH',
} as const;

export type ProvinceAgencyRole = keyof typeof PROVINCE_AGENCY_SUFFIXES;

/** The code of a current province's agency, e.g. provinceAgencyCode('31', 'standingOffice') → 'T31.CA'. */
export function provinceAgencyCode(provinceCode: string, role: ProvinceAgencyRole): string {
  return `T${provinceCode}.${PROVINCE_AGENCY_SUFFIXES[role]}`;
}

/** The code of a current commune's People's Committee, e.g. communeAgencyCode('11413') → 'X11413.UBND'. */
export function communeAgencyCode(communeCode: string): string {
  return `X${communeCode}.UBND`;
}

/** National codes that rules refer to by name. */
export const NATIONAL_AGENCY_CODES = {
  steeringCommittee: 'TW.BCD138',
  standingOffice: 'TW.VPTT138',
  ministryOfPublicSecurity: 'TW.BCA',
} as const;

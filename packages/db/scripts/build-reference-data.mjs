#!/usr/bin/env node
// Dev-only: rebuilds the reference data that ships with @atmis/db (packages/db/src/seeds/data/).
//
//   node packages/db/scripts/build-reference-data.mjs [--source /work/shared/data/admin-units]
//
// Reads the official administrative-unit lists (see ../src/seeds/data/README.md for provenance) and
// writes compact, insert-ready rows. It also writes the curated agency registry (agencies.json) from
// the tables below, so that the 34 × ~20 provincial agencies are consistent and reviewable in one place.
// The product never reads the source folder at run time; only the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../src/seeds/data');
const sourceArgIndex = process.argv.indexOf('--source');
const sourceDir = sourceArgIndex > 0 ? process.argv[sourceArgIndex + 1] : '/work/shared/data/admin-units';

const REFORM_DATE = '2025-07-01';
const PRE_REFORM_END = '2025-06-30';
/** Ministries and provincial departments merged by the 2025 restructuring ended on 28/02/2025. */
const MERGED_DEPARTMENTS_END = '2025-02-28';
const MERGED_DEPARTMENTS_START = '2025-03-01';
/** Resolution 30/2026/QH16: Đồng Nai became a centrally-run city (and 10 of its communes wards). */
const DONG_NAI_CITY_FROM = '2026-04-30';
const DONG_NAI_CITY_REASON = 'Đồng Nai trở thành thành phố trực thuộc trung ương (Nghị quyết 30/2026/QH16, hiệu lực 30/04/2026)';
const dayBefore = (isoDate) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const ORG_UNIT_COLUMNS = [
  'id',
  'code',
  'level',
  'name',
  'fullName',
  'nameEn',
  'unitType',
  'parentId',
  'provinceCode',
  'validFrom',
  'validTo',
  'successorId',
];

const readJson = (file) => JSON.parse(readFileSync(path.join(sourceDir, file), 'utf8'));
const nfc = (value) => (value == null ? null : String(value).normalize('NFC').trim());
/** One source row has a lower-case type ("xã Bắc Sơn"); official full names start with a capital. */
const capitalise = (value) => value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
/** The unit type is the full name minus the name ("Huyện Ba Vì" − "Ba Vì" = "Huyện"). */
function unitTypeOf(fullName, name, where) {
  if (!fullName.endsWith(name)) throw new Error(`${where}: full name "${fullName}" does not end with "${name}"`);
  const type = fullName.slice(0, fullName.length - name.length).trim();
  if (!type) throw new Error(`${where}: no unit type in "${fullName}"`);
  return type;
}
const row = (unit) => ORG_UNIT_COLUMNS.map((column) => unit[column] ?? null);

// ---------------------------------------------------------------- current units (since 2025-07-01)
const current = readJson('units-2026-full.json');
const asOfReform = readJson('units-2025-07-01-full.json');
const currentRows = [];
const currentProvinces = [];
for (const province of current) {
  const fullName = capitalise(nfc(province.FullName));
  const name = nfc(province.Name);
  const unitType = nfc(province.AdministrativeUnitShortName);
  if (unitTypeOf(fullName, name, province.Code) !== unitType) throw new Error(`province ${province.Code}: type mismatch`);
  const id = `VN.${province.Code}`;
  currentProvinces.push({ id, code: province.Code, name, fullName, unitType });
  currentRows.push(
    row({
      id,
      code: province.Code,
      level: 'province',
      name,
      fullName,
      nameEn: nfc(province.FullNameEn),
      unitType,
      parentId: 'VN',
      provinceCode: province.Code,
      validFrom: REFORM_DATE,
    }),
  );
  for (const ward of province.Wards) {
    if (ward.ProvinceCode !== province.Code) throw new Error(`commune ${ward.Code}: province mismatch`);
    const wardName = nfc(ward.Name);
    const wardFullName = capitalise(nfc(ward.FullName));
    const wardType = nfc(ward.AdministrativeUnitShortName);
    if (unitTypeOf(wardFullName, wardName, ward.Code) !== wardType) throw new Error(`commune ${ward.Code}: type mismatch`);
    currentRows.push(
      row({
        id: `${id}.${ward.Code}`,
        code: ward.Code,
        level: 'commune',
        name: wardName,
        fullName: wardFullName,
        nameEn: nfc(ward.FullNameEn),
        unitType: wardType,
        parentId: id,
        provinceCode: province.Code,
        validFrom: REFORM_DATE,
      }),
    );
  }
}

// Units whose type changed after 2025-07-01 (spelling-only differences such as "Hòa"/"Hoà" ignored):
// kept so that the agencies named after them get their earlier name in agency_name_history.
const fold = (value) => value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
const reformIndex = new Map();
for (const province of asOfReform) {
  reformIndex.set(`VN.${province.Code}`, province);
  for (const ward of province.Wards) reformIndex.set(`VN.${province.Code}.${ward.Code}`, ward);
}
const renames = [];
for (const [id, , , , fullName, , unitType] of currentRows) {
  const before = reformIndex.get(id);
  if (!before) throw new Error(`${id} is missing from the 2025-07-01 list`);
  const beforeType = nfc(before.AdministrativeUnitShortName);
  if (fold(beforeType) !== fold(unitType)) {
    const beforeFullName = capitalise(nfc(before.FullName));
    renames.push([id, beforeFullName, beforeType, REFORM_DATE, dayBefore(DONG_NAI_CITY_FROM), DONG_NAI_CITY_REASON]);
    if (!id.startsWith('VN.75')) throw new Error(`unexpected type change outside Đồng Nai: ${id} ${beforeFullName} → ${fullName}`);
  }
}

// ---------------------------------------------------------------- pre-reform units (until 2025-06-30)
const pre = readJson('units-pre-2025-63-provinces.json');
// Every current commune keeps the code of one of the communes it was formed from, so the province of
// those codes tells which new province each old one went into (e.g. Bắc Giang 24 → Bắc Ninh 24).
const oldProvinceOfCommune = new Map();
for (const province of pre) {
  for (const district of province.District) {
    for (const ward of district.Ward ?? []) oldProvinceOfCommune.set(ward.Code, province.Code);
  }
}
const successorOfOldProvince = new Map();
for (const province of current) {
  for (const ward of province.Wards) {
    const oldCode = oldProvinceOfCommune.get(ward.Code);
    if (!oldCode) continue;
    const known = successorOfOldProvince.get(oldCode);
    if (known && known !== province.Code) throw new Error(`old province ${oldCode} maps to ${known} and ${province.Code}`);
    successorOfOldProvince.set(oldCode, province.Code);
  }
}
const preRows = [];
const oldProvinces = [];
const oldDistricts = [];
for (const province of pre) {
  const id = `VN.L${province.Code}`;
  const name = nfc(province.Name);
  const fullName = capitalise(nfc(province.FullName));
  const unitType = unitTypeOf(fullName, name, id);
  const successorCode = successorOfOldProvince.get(province.Code);
  if (!successorCode) throw new Error(`old province ${province.Code} has no successor`);
  oldProvinces.push({ id, code: province.Code, name, fullName, unitType, successorCode });
  preRows.push(
    row({
      id,
      code: province.Code,
      level: 'province',
      name,
      fullName,
      nameEn: nfc(province.FullNameEn),
      unitType,
      parentId: 'VN',
      provinceCode: province.Code,
      validTo: PRE_REFORM_END,
      successorId: `VN.${successorCode}`,
    }),
  );
  for (const district of province.District) {
    const districtId = `${id}.${district.Code}`;
    const districtName = nfc(district.Name);
    const districtFullName = capitalise(nfc(district.FullName));
    const districtType = unitTypeOf(districtFullName, districtName, districtId);
    oldDistricts.push({ id: districtId, code: district.Code, provinceCode: province.Code, fullName: districtFullName });
    preRows.push(
      row({
        id: districtId,
        code: district.Code,
        level: 'district',
        name: districtName,
        fullName: districtFullName,
        nameEn: nfc(district.FullNameEn),
        unitType: districtType,
        parentId: id,
        provinceCode: province.Code,
        validTo: PRE_REFORM_END,
      }),
    );
    for (const ward of district.Ward ?? []) {
      const wardName = nfc(ward.Name);
      const wardFullName = capitalise(nfc(ward.FullName));
      preRows.push(
        row({
          id: `${districtId}.${ward.Code}`,
          code: ward.Code,
          level: 'commune',
          name: wardName,
          fullName: wardFullName,
          nameEn: nfc(ward.FullNameEn),
          unitType: unitTypeOf(wardFullName, wardName, ward.Code),
          parentId: districtId,
          provinceCode: province.Code,
          validTo: PRE_REFORM_END,
        }),
      );
    }
  }
}

// ---------------------------------------------------------------- agency registry
// Codes: TW.* national bodies; Txx.* bodies of current province xx (org unit VN.xx); Lxx.* bodies of
// pre-reform province xx (org unit VN.Lxx). Commune and district People's Committees (Xnnnnn.UBND,
// Dnnn.UBND) are generated by the seed from the unit lists, not stored here.
// shortName is the form the province's own documents use ("Công an tỉnh", "Sở Y tế"), so plan text can
// be matched within a province; name is unique nationally.
const agencies = [];
function agency(code, name, shortName, type, parentCode, orgUnitId, validFrom, validTo, extra = {}) {
  agencies.push({ code, name, shortName, type, parentCode, orgUnitId, validFrom, validTo, ...extra });
}

// National (org unit VN). The Ministry of Public Security is the standing body of BCĐ 138/CP; its
// Standing Office is kept as a separate row (type standing_office) under the ministry so that reports
// can be addressed to it while casework stays with the police.
const national = [
  ['TW.BCD138', 'Ban Chỉ đạo 138/CP', 'BCĐ 138/CP', 'steering_committee', null],
  ['TW.BCA', 'Bộ Công an', 'BCA', 'police', null],
  ['TW.VPTT138', 'Văn phòng Thường trực Ban Chỉ đạo 138/CP', 'VPTT BCĐ 138/CP', 'standing_office', 'TW.BCA'],
  ['TW.BQP', 'Bộ Quốc phòng', 'BQP', 'military', null],
  ['TW.BTLBP', 'Bộ Tư lệnh Bộ đội Biên phòng', 'BĐBP', 'border_guard', 'TW.BQP'],
  ['TW.BNG', 'Bộ Ngoại giao', 'BNG', 'foreign_affairs', null],
  ['TW.BNG.CLS', 'Cục Lãnh sự, Bộ Ngoại giao', 'Cục Lãnh sự', 'foreign_affairs', 'TW.BNG'],
  ['TW.BTP', 'Bộ Tư pháp', 'BTP', 'justice', null],
  ['TW.BYT', 'Bộ Y tế', 'BYT', 'health', null],
  ['TW.BGDDT', 'Bộ Giáo dục và Đào tạo', 'BGDĐT', 'education', null],
  ['TW.BNV', 'Bộ Nội vụ', 'BNV', 'home_affairs', null],
  ['TW.BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL', 'culture', null],
  ['TW.BKHCN', 'Bộ Khoa học và Công nghệ', 'BKHCN', 'information_communication', null],
  ['TW.BTC', 'Bộ Tài chính', 'BTC', 'finance', null],
  ['TW.BCT', 'Bộ Công Thương', 'BCT', 'other', null],
  ['TW.BNNMT', 'Bộ Nông nghiệp và Môi trường', 'BNNMT', 'agriculture', null, MERGED_DEPARTMENTS_START],
  ['TW.BDTTG', 'Bộ Dân tộc và Tôn giáo', 'BDTTG', 'ethnic_affairs', null, MERGED_DEPARTMENTS_START],
  ['TW.BLDTBXH', 'Bộ Lao động – Thương binh và Xã hội', 'BLĐTBXH', 'social_affairs', null, null, MERGED_DEPARTMENTS_END],
  ['TW.BTTTT', 'Bộ Thông tin và Truyền thông', 'BTTTT', 'information_communication', null, null, MERGED_DEPARTMENTS_END],
  ['TW.BKHDT', 'Bộ Kế hoạch và Đầu tư', 'BKHĐT', 'planning_investment', null, null, MERGED_DEPARTMENTS_END, 'TW.BTC'],
  ['TW.BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'BNNPTNT', 'agriculture', null, null, MERGED_DEPARTMENTS_END, 'TW.BNNMT'],
  ['TW.UBDT', 'Ủy ban Dân tộc', 'UBDT', 'ethnic_affairs', null, null, MERGED_DEPARTMENTS_END, 'TW.BDTTG'],
  ['TW.VKSNDTC', 'Viện kiểm sát nhân dân tối cao', 'VKSNDTC', 'procuracy', null],
  ['TW.TANDTC', 'Tòa án nhân dân tối cao', 'TANDTC', 'court', null],
  ['TW.MTTQ', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'UBTƯ MTTQ Việt Nam', 'fatherland_front', null],
  ['TW.HLHPN', 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam', 'TƯ Hội LHPN Việt Nam', 'womens_union', 'TW.MTTQ'],
  ['TW.DTN', 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Trung ương Đoàn', 'youth_union', 'TW.MTTQ'],
  ['TW.HND', 'Trung ương Hội Nông dân Việt Nam', 'TƯ Hội Nông dân Việt Nam', 'farmers_union', 'TW.MTTQ'],
  ['TW.HCCB', 'Trung ương Hội Cựu chiến binh Việt Nam', 'TƯ Hội CCB Việt Nam', 'veterans_association', 'TW.MTTQ'],
  ['TW.TLD', 'Tổng Liên đoàn Lao động Việt Nam', 'Tổng LĐLĐ Việt Nam', 'trade_union', 'TW.MTTQ'],
  ['TW.VTV', 'Đài Truyền hình Việt Nam', 'VTV', 'media', null],
  ['TW.VOV', 'Đài Tiếng nói Việt Nam', 'VOV', 'media', null],
  ['TW.TTXVN', 'Thông tấn xã Việt Nam', 'TTXVN', 'media', null],
];
for (const [code, name, shortName, type, parentCode, validFrom = null, validTo = null, successorCode] of national) {
  agency(code, name, shortName, type, parentCode, 'VN', validFrom, validTo, successorCode ? { successorCode } : {});
}

/** Current provinces with a land border or a coast, which have a Border Guard command. */
const BORDER_GUARD_PROVINCES = new Set(current.map((p) => p.Code).filter((code) => !['01', '19', '24', '25'].includes(code)));
/**
 * Provinces kept with a Department of Foreign Affairs after 01/03/2025 (elsewhere its work moved to
 * the Office of the People's Committee). APPROXIMATE: the centrally-run cities and land-border
 * provinces; correct this list against the provinces' own decisions when known.
 */
const FOREIGN_AFFAIRS_PROVINCES = new Set([
  '01',
  '04',
  '08',
  '11',
  '12',
  '14',
  '15',
  '20',
  '22',
  '31',
  '38',
  '40',
  '42',
  '44',
  '46',
  '48',
  '51',
  '52',
  '66',
  '68',
  '75',
  '79',
  '80',
  '82',
  '91',
  '92',
]);

/** The agencies of one province; `type` is the unit type as written ("Tỉnh" | "Thành phố"). */
function provincialAgencies(code, name, type) {
  const t = type.toLocaleLowerCase('vi');
  const of = `${t} ${name}`;
  const department = (suffix, title, agencyType) => [suffix, `${title} ${of}`, title, agencyType, `${code}.UBND`];
  const rows = [
    ['UBND', `Ủy ban nhân dân ${of}`, `UBND ${t}`, 'peoples_committee', null],
    ['BCD138', `Ban Chỉ đạo 138 ${of}`, `BCĐ 138 ${t}`, 'steering_committee', `${code}.UBND`],
    ['CA', `Công an ${of}`, `Công an ${t}`, 'police', 'TW.BCA'],
    department('SNV', 'Sở Nội vụ', 'home_affairs'),
    department('SYT', 'Sở Y tế', 'health'),
    department('SGDDT', 'Sở Giáo dục và Đào tạo', 'education'),
    department('STP', 'Sở Tư pháp', 'justice'),
    // Hà Nội and Hồ Chí Minh City split tourism into its own department.
    department('SVHTTDL', ['01', '79'].includes(code) ? 'Sở Văn hóa và Thể thao' : 'Sở Văn hóa, Thể thao và Du lịch', 'culture'),
    department('SKHCN', 'Sở Khoa học và Công nghệ', 'information_communication'),
    department('STC', 'Sở Tài chính', 'finance'),
  ];
  if (FOREIGN_AFFAIRS_PROVINCES.has(code.slice(1))) rows.push(department('SNGV', 'Sở Ngoại vụ', 'foreign_affairs'));
  if (name === 'Hà Nội') rows.push(['BCHQS', 'Bộ Tư lệnh Thủ đô Hà Nội', 'Bộ Tư lệnh Thủ đô', 'military', 'TW.BQP']);
  else if (name === 'Hồ Chí Minh') rows.push(['BCHQS', 'Bộ Tư lệnh Thành phố Hồ Chí Minh', 'Bộ Tư lệnh Thành phố', 'military', 'TW.BQP']);
  else rows.push(['BCHQS', `Bộ Chỉ huy Quân sự ${of}`, `Bộ CHQS ${t}`, 'military', 'TW.BQP']);
  if (BORDER_GUARD_PROVINCES.has(code.slice(1)))
    rows.push(['BDBP', `Bộ Chỉ huy Bộ đội Biên phòng ${of}`, `Bộ Chỉ huy BĐBP ${t}`, 'border_guard', 'TW.BTLBP']);
  rows.push(
    ['VKS', `Viện kiểm sát nhân dân ${of}`, `VKSND ${t}`, 'procuracy', 'TW.VKSNDTC'],
    ['TAND', `Tòa án nhân dân ${of}`, `TAND ${t}`, 'court', 'TW.TANDTC'],
    ['MTTQ', `Ủy ban Mặt trận Tổ quốc Việt Nam ${of}`, `UBMTTQ ${t}`, 'fatherland_front', 'TW.MTTQ'],
    ['HLHPN', `Hội Liên hiệp Phụ nữ ${of}`, `Hội LHPN ${t}`, 'womens_union', 'TW.HLHPN'],
    ['DTN', `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${of}`, t === 'tỉnh' ? 'Tỉnh đoàn' : 'Thành đoàn', 'youth_union', 'TW.DTN'],
    ['HND', `Hội Nông dân ${of}`, `Hội Nông dân ${t}`, 'farmers_union', 'TW.HND'],
    ['HCCB', `Hội Cựu chiến binh ${of}`, `Hội CCB ${t}`, 'veterans_association', 'TW.HCCB'],
    ['LDLD', `Liên đoàn Lao động ${of}`, `LĐLĐ ${t}`, 'trade_union', 'TW.TLD'],
    // Provincial press after the 2025 merger of newspaper and radio-television (under the party
    // committee, which is not in this registry, hence no parent). Names differ in a few places.
    ['BPTTH', `Báo và Phát thanh, Truyền hình ${name}`, `Báo và PT-TH ${t}`, 'media', null],
  );
  return rows;
}

for (const province of currentProvinces) {
  const code = `T${province.code}`;
  const rows = provincialAgencies(code, province.name, province.unitType);
  const formerType = renames.find(([id]) => id === province.id)?.[2];
  const formerRows = formerType ? provincialAgencies(code, province.name, formerType) : [];
  for (const [suffix, name, shortName, type, parentCode] of rows) {
    const former = formerRows.find(([s]) => s === suffix);
    const extra =
      former && (former[1] !== name || former[2] !== shortName)
        ? {
            formerNames: [
              {
                name: former[1],
                shortName: former[2],
                validFrom: REFORM_DATE,
                validTo: dayBefore(DONG_NAI_CITY_FROM),
                reason: DONG_NAI_CITY_REASON,
              },
            ],
          }
        : {};
    agency(`${code}.${suffix}`, name, shortName, type, parentCode, province.id, REFORM_DATE, null, extra);
  }
}

// Pre-reform People's Committees of all 63 provinces (successor: the new province's committee).
for (const province of oldProvinces) {
  const of = `${province.unitType.toLocaleLowerCase('vi')} ${province.name}`;
  agency(
    `L${province.code}.UBND`,
    `Ủy ban nhân dân ${of}`,
    `UBND ${province.unitType.toLocaleLowerCase('vi')}`,
    'peoples_committee',
    null,
    province.id,
    null,
    PRE_REFORM_END,
    {
      successorCode: `T${province.successorCode}.UBND`,
    },
  );
}

// Pre-reform member agencies of the two seed provinces, so that the 2016 and 2021 plans match:
// Bắc Giang (old 24, merged into Bắc Ninh, new code 24) and Hải Phòng (old 31, merged with Hải Dương
// into Hải Phòng, new code 31). Departments merged on 01/03/2025 end on 28/02/2025; the rest end with
// the province on 30/06/2025 and are succeeded by the new province's body.
const SEED_OLD_PROVINCES = [
  {
    code: '24',
    steeringCommittee: [
      'Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Bắc Giang',
      'Ban Chỉ đạo tỉnh',
    ],
    newspaper: 'Báo Bắc Giang',
    broadcaster: 'Đài Phát thanh và Truyền hình Bắc Giang',
  },
  {
    code: '31',
    steeringCommittee: ['Ban Chỉ đạo 799 thành phố Hải Phòng', 'BCĐ 799/TP'],
    newspaper: 'Báo Hải Phòng',
    broadcaster: 'Đài Phát thanh và Truyền hình Hải Phòng',
  },
];
for (const seed of SEED_OLD_PROVINCES) {
  const province = oldProvinces.find((p) => p.code === seed.code);
  if (!province) throw new Error(`old province ${seed.code} not found`);
  const t = province.unitType.toLocaleLowerCase('vi');
  const code = `L${seed.code}`;
  const next = `T${province.successorCode}`;
  const rows = provincialAgencies(code, province.name, province.unitType).filter(([suffix]) => !['UBND', 'SNGV', 'BPTTH'].includes(suffix));
  const steering = rows.find(([suffix]) => suffix === 'BCD138');
  if (steering) [steering[1], steering[2]] = seed.steeringCommittee;
  if (seed.code === '31') rows.push(['SNGV', `Sở Ngoại vụ ${t} ${province.name}`, 'Sở Ngoại vụ', 'foreign_affairs', `${code}.UBND`]);
  const mergedAway = [
    [
      'SLDTBXH',
      `Sở Lao động - Thương binh và Xã hội ${t} ${province.name}`,
      'Sở Lao động - Thương binh và Xã hội',
      'social_affairs',
      `${code}.UBND`,
      null,
    ],
    [
      'STTTT',
      `Sở Thông tin và Truyền thông ${t} ${province.name}`,
      'Sở Thông tin và Truyền thông',
      'information_communication',
      `${code}.UBND`,
      null,
    ],
    ['SKHDT', `Sở Kế hoạch và Đầu tư ${t} ${province.name}`, 'Sở Kế hoạch và Đầu tư', 'planning_investment', `${code}.UBND`, `${code}.STC`],
  ];
  for (const [suffix, name, shortName, type, parentCode, successorCode] of mergedAway) {
    agency(
      `${code}.${suffix}`,
      name,
      shortName,
      type,
      parentCode,
      province.id,
      null,
      MERGED_DEPARTMENTS_END,
      successorCode ? { successorCode } : {},
    );
  }
  for (const [suffix, name, shortName, type, parentCode] of rows) {
    const successorCode = `${next}.${suffix}`;
    agency(`${code}.${suffix}`, name, shortName, type, parentCode, province.id, null, PRE_REFORM_END, { successorCode });
  }
  agency(`${code}.BAO`, seed.newspaper, `Báo ${t}`, 'media', null, province.id, null, PRE_REFORM_END, { successorCode: `${next}.BPTTH` });
  agency(`${code}.DPTTH`, seed.broadcaster, `Đài PT-TH ${t}`, 'media', `${code}.UBND`, province.id, null, PRE_REFORM_END, {
    successorCode: `${next}.BPTTH`,
  });
}

// ---------------------------------------------------------------- checks and output
const codes = new Set();
for (const a of agencies) {
  if (codes.has(a.code)) throw new Error(`duplicate agency code ${a.code}`);
  codes.add(a.code);
}
const generatedPrefixes = [/^X\d{5}\.UBND$/, /^D\d{3}\.UBND$/];
for (const a of agencies) {
  for (const ref of [a.parentCode, a.successorCode]) {
    if (ref && !codes.has(ref) && !generatedPrefixes.some((re) => re.test(ref))) throw new Error(`${a.code}: unknown reference ${ref}`);
  }
}

mkdirSync(outDir, { recursive: true });
const header = { source: 'thanglequoc/vietnamese-provinces-database (MIT), see README.md', columns: ORG_UNIT_COLUMNS };
writeFileSync(
  path.join(outDir, 'admin-units-2025.json'),
  `${JSON.stringify({ ...header, validFrom: REFORM_DATE, renames, rows: currentRows })}\n`,
);
writeFileSync(path.join(outDir, 'admin-units-pre-2025.json'), `${JSON.stringify({ ...header, validTo: PRE_REFORM_END, rows: preRows })}\n`);
// One agency per line: compact, yet reviewable in a diff.
writeFileSync(path.join(outDir, 'agencies.json'), `[\n${agencies.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`);

const count = (rows, level) => rows.filter((r) => r[2] === level).length;
console.log(
  `current: ${count(currentRows, 'province')} provinces, ${count(currentRows, 'commune')} communes (${renames.length} renamed since 2025-07-01)\n` +
    `pre-2025: ${count(preRows, 'province')} provinces, ${count(preRows, 'district')} districts, ${count(preRows, 'commune')} communes\n` +
    `agencies.json: ${agencies.length} rows; districts for generated UBND: ${oldDistricts.length}`,
);

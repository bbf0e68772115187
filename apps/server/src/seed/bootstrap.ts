import {
  agencies,
  migrateDatabase,
  orgUnits,
  reportTemplates,
  roles,
  userAssignments,
  users,
  victimFacilities,
  type Database,
  type DatabaseHandle,
  type Executor,
} from '@atmis/db';
import { seedReferenceData } from '@atmis/db/seeds/reference';
import { SYSTEM_ROLES, type Scope } from '@atmis/domain';
import { DEFAULT_TEMPLATE_CODE, DEFAULT_TEMPLATE_DEFINITION, DEFAULT_TEMPLATE_NAME } from '@atmis/domain/reports/default-template';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppConfig } from '../config.ts';
import { recordAudit } from '../platform/audit/audit-log.ts';
import { hashPassword } from '../platform/auth/passwords.ts';

export const DEMO_PASSWORD = 'Demo@2026';
/** The demo province: Hải Phòng (code 31), a city that exists under both the old and new maps. */
export const DEMO_PROVINCE = 'VN.31';

/**
 * The demo province's support facility (cơ sở trợ giúp xã hội): an agency under Sở Y tế (which took
 * over social protection in 2025) with a shelter of 30 places, so that referrals and admissions can
 * be shown. Real deployments register their own facilities.
 */
export const DEMO_SUPPORT_CENTRE = {
  code: 'T31.TTCTXH',
  name: 'Trung tâm Công tác xã hội thành phố Hải Phòng',
  shortName: 'Trung tâm CTXH thành phố',
  facilityName: 'Nhà tạm lánh – Trung tâm Công tác xã hội thành phố Hải Phòng',
  capacity: 30,
} as const;

interface DemoAssignment {
  role: string;
  orgUnitId: string;
  agencyCode: string | null;
  scope: Scope;
}

interface DemoUser {
  username: string;
  fullName: string;
  orgUnitId: string;
  agencyCode: string | null;
  assignments: DemoAssignment[];
}

async function firstCommunes(db: Database, provinceId: string, count: number): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, provinceId), sql`${orgUnits.validTo} is null`))
    .orderBy(asc(orgUnits.id))
    .limit(count);
}

export async function demoUsers(db: Database): Promise<DemoUser[]> {
  const [communeA, communeB] = await firstCommunes(db, DEMO_PROVINCE, 2);
  if (!communeA || !communeB) throw new Error('Thiếu dữ liệu xã/phường của tỉnh mẫu');
  return [
    {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      orgUnitId: 'VN',
      agencyCode: 'TW.BCA',
      assignments: [{ role: 'system_admin', orgUnitId: 'VN', agencyCode: null, scope: 'national' }],
    },
    {
      username: 'tinh.thuongtruc',
      fullName: 'Nguyễn Văn Thường Trực',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: 'T31.CA',
      assignments: [
        { role: 'standing_office', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.CA', scope: 'subtree' },
        { role: 'unit_admin', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.CA', scope: 'subtree' },
      ],
    },
    {
      username: 'tw.thuongtruc',
      fullName: 'Đỗ Văn Trung Ương',
      orgUnitId: 'VN',
      agencyCode: 'TW.VPTT138',
      assignments: [{ role: 'standing_office', orgUnitId: 'VN', agencyCode: 'TW.VPTT138', scope: 'subtree' }],
    },
    {
      username: 'so.noivu',
      fullName: 'Vũ Thị Nội Vụ',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: 'T31.SNV',
      assignments: [{ role: 'department_officer', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.SNV', scope: 'agency' }],
    },
    {
      username: 'so.yte',
      fullName: 'Trần Thị Y Tế',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: 'T31.SYT',
      assignments: [{ role: 'department_officer', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.SYT', scope: 'agency' }],
    },
    {
      username: 'xa.a',
      fullName: 'Lê Văn Xã A',
      orgUnitId: communeA.id,
      agencyCode: `X${communeA.code}.UBND`,
      assignments: [{ role: 'commune_officer', orgUnitId: communeA.id, agencyCode: `X${communeA.code}.UBND`, scope: 'subtree' }],
    },
    {
      username: 'xa.b',
      fullName: 'Phạm Thị Xã B',
      orgUnitId: communeB.id,
      agencyCode: `X${communeB.code}.UBND`,
      assignments: [{ role: 'commune_officer', orgUnitId: communeB.id, agencyCode: `X${communeB.code}.UBND`, scope: 'subtree' }],
    },
    {
      username: 'xa.a.vhxh',
      fullName: 'Đinh Thị Văn Hóa',
      orgUnitId: communeA.id,
      agencyCode: `X${communeA.code}.UBND`,
      assignments: [{ role: 'social_affairs_officer', orgUnitId: communeA.id, agencyCode: `X${communeA.code}.UBND`, scope: 'subtree' }],
    },
    {
      username: 'congan',
      fullName: 'Trịnh Văn Công An',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: 'T31.CA',
      assignments: [{ role: 'police_officer', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.CA', scope: 'subtree' }],
    },
    {
      username: 'ttctxh',
      fullName: 'Mai Thị Công Tác Xã Hội',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: DEMO_SUPPORT_CENTRE.code,
      assignments: [{ role: 'department_officer', orgUnitId: DEMO_PROVINCE, agencyCode: DEMO_SUPPORT_CENTRE.code, scope: 'agency' }],
    },
    {
      username: 'toaan',
      fullName: 'Hoàng Văn Tòa Án',
      orgUnitId: DEMO_PROVINCE,
      agencyCode: 'T31.TAND',
      assignments: [{ role: 'judicial_officer', orgUnitId: DEMO_PROVINCE, agencyCode: 'T31.TAND', scope: 'subtree' }],
    },
  ];
}

async function agencyIdByCode(db: Executor, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return row?.id ?? null;
}

/** System roles are inserted when missing; administrators' later edits are never overwritten. */
export async function seedSystemRoles(db: Database): Promise<void> {
  for (const role of SYSTEM_ROLES) {
    await db
      .insert(roles)
      .values({
        code: role.code,
        name: role.name,
        nameEn: role.nameEn,
        description: role.description,
        permissions: [...role.permissions],
        requiresTotp: role.requiresTotp,
        isSystem: true,
      })
      .onConflictDoNothing({ target: roles.code });
  }
}

/** The default programme report template (version 1) ships as data: inserted when missing, never overwritten. */
export async function seedDefaultReportTemplate(db: Database): Promise<void> {
  await db
    .insert(reportTemplates)
    .values({
      code: DEFAULT_TEMPLATE_CODE,
      version: 1,
      name: DEFAULT_TEMPLATE_NAME,
      description: 'Mẫu báo cáo định kỳ kết quả thực hiện công tác phòng, chống mua bán người (mẫu mặc định của hệ thống).',
      definition: DEFAULT_TEMPLATE_DEFINITION as unknown as Record<string, unknown>,
      status: 'active',
    })
    .onConflictDoNothing({ target: [reportTemplates.code, reportTemplates.version] });
}

/** Demo mode only: the demo province's support centre (agency) and its shelter, when missing. */
async function seedDemoSupportCentre(db: Database): Promise<void> {
  const parentId = await agencyIdByCode(db, 'T31.SYT');
  await db
    .insert(agencies)
    .values({
      code: DEMO_SUPPORT_CENTRE.code,
      name: DEMO_SUPPORT_CENTRE.name,
      shortName: DEMO_SUPPORT_CENTRE.shortName,
      type: 'social_affairs',
      parentId,
      orgUnitId: DEMO_PROVINCE,
      validFrom: '2025-07-01',
    })
    .onConflictDoNothing({ target: agencies.code });
  const agencyId = await agencyIdByCode(db, DEMO_SUPPORT_CENTRE.code);
  const [facility] = await db.select({ id: victimFacilities.id }).from(victimFacilities).where(eq(victimFacilities.agencyId, agencyId!));
  if (!facility) {
    await db.insert(victimFacilities).values({
      name: DEMO_SUPPORT_CENTRE.facilityName,
      orgUnitId: DEMO_PROVINCE,
      agencyId,
      capacity: DEMO_SUPPORT_CENTRE.capacity,
    });
  }
}

async function createUserWithAssignments(db: Database, user: DemoUser, password: string, mustChangePassword: boolean): Promise<void> {
  const passwordHash = await hashPassword(password);
  const agencyId = await agencyIdByCode(db, user.agencyCode);
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ username: user.username, fullName: user.fullName, orgUnitId: user.orgUnitId, agencyId, passwordHash, mustChangePassword })
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    if (!created) return;
    for (const assignment of user.assignments) {
      const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, assignment.role));
      if (!role) throw new Error(`Thiếu vai trò ${assignment.role}`);
      await tx.insert(userAssignments).values({
        userId: created.id,
        roleId: role.id,
        orgUnitId: assignment.orgUnitId,
        agencyId: await agencyIdByCode(tx, assignment.agencyCode),
        scope: assignment.scope,
      });
    }
    await recordAudit(
      tx,
      { actorUserId: null, actorUsername: 'system', ip: null, userAgent: null },
      {
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        orgUnitId: user.orgUnitId,
        details: { username: user.username, seeded: true },
      },
    );
  });
}

/**
 * Brings a database to a usable state at every start: migrations, reference data, system roles,
 * then demo accounts (demo mode) or the initial administrator (production, first start only).
 */
export async function bootstrapDatabase(
  handle: DatabaseHandle,
  config: Pick<AppConfig, 'mode' | 'initialAdmin'>,
  log: (message: string) => void = () => {},
): Promise<void> {
  await migrateDatabase(handle);
  const seeded = await seedReferenceData(handle.db);
  log(`Dữ liệu danh mục: ${seeded.orgUnits} đơn vị hành chính, ${seeded.agencies} cơ quan`);
  await seedSystemRoles(handle.db);
  await seedDefaultReportTemplate(handle.db);
  const [{ count } = { count: 0 }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (config.mode === 'demo') {
    await seedDemoSupportCentre(handle.db);
    // Demo accounts added by later versions are created in existing demo databases too.
    const existing = new Set((await handle.db.select({ username: users.username }).from(users)).map((row) => row.username));
    const missing = (await demoUsers(handle.db)).filter((user) => !existing.has(user.username));
    for (const user of missing) await createUserWithAssignments(handle.db, user, DEMO_PASSWORD, false);
    if (missing.length) log(`Đã tạo ${missing.length} tài khoản mẫu (mật khẩu Demo@2026)`);
    return;
  }
  if (count === 0) {
    if (!config.initialAdmin) {
      throw new Error('Chế độ production: cần đặt ATMIS_ADMIN_USERNAME và ATMIS_ADMIN_PASSWORD để tạo quản trị viên đầu tiên.');
    }
    await createUserWithAssignments(
      handle.db,
      {
        username: config.initialAdmin.username,
        fullName: 'Quản trị hệ thống',
        orgUnitId: 'VN',
        agencyCode: null,
        assignments: [{ role: 'system_admin', orgUnitId: 'VN', agencyCode: null, scope: 'national' }],
      },
      config.initialAdmin.password,
      true,
    );
    log(`Đã tạo quản trị viên đầu tiên: ${config.initialAdmin.username}`);
  }
}

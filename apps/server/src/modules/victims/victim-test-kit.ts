import { agencies, orgUnits, users } from '@atmis/db';
import type { Problem, VictimFileDetail } from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import { addDays } from '@atmis/domain/plans/index';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

/**
 * Test data for victim files: unique persons (a unique word in the name, a random citizen ID), so
 * that tests sharing one PostgreSQL database never match each other as duplicates.
 */
let counter = 0;

/** A unique name word made of letters ("Kxqd…"), accepted by the name rules and the name search. */
export function uniqueWord(): string {
  counter += 1;
  const seed = `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/\d/g, (digit) =>
    'abcdefghij'.charAt(Number(digit)),
  );
  return `K${seed}`;
}

/** A valid 12-digit citizen ID: Hải Phòng (031), the sex and birth year encoded, six random digits. */
export function citizenIdFor(birthYear: number, sex: 'female' | 'male'): string {
  const century = birthYear >= 2000 ? (sex === 'female' ? 3 : 2) : sex === 'female' ? 1 : 0;
  const random = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return `031${century}${String(birthYear % 100).padStart(2, '0')}${random}`;
}

/** A random Viettel/Vinaphone-style mobile number, national form with spaces ("091 234 5678"). */
export function phoneNumber(): string {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return `091 ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export const todayIn = (now: Date) => vietnamToday(now);
export const daysAgo = (now: Date, days: number) => addDays(vietnamToday(now), -days);

export interface ReceptionOptions {
  orgUnitId?: string;
  agencyId?: string | null;
  receivedOn: string;
  homeOrgUnitId: string;
  way?: string;
  fullName?: string;
  citizenId?: string | null;
  child?: boolean;
  confirmNotDuplicate?: boolean;
  /** A foreign woman (ISO code, e.g. 'KH'): a passport instead of a citizen ID. */
  citizenship?: string;
}

/** A reception of a woman (born 1998) with her child whose age is uncertain (estimated 9). */
export function womanWithChild(options: ReceptionOptions) {
  const word = uniqueWord();
  const fullName = options.fullName ?? `Nguyễn Thị Hoà ${word}`;
  return {
    ...(options.orgUnitId ? { orgUnitId: options.orgUnitId } : {}),
    ...(options.agencyId !== undefined ? { agencyId: options.agencyId } : {}),
    reception: {
      receivedOn: options.receivedOn,
      receivedByName: 'Đồn Biên phòng cửa khẩu quốc tế Móng Cái',
      receivingOfficer: 'Trung úy Lê Văn Tiếp',
      place: 'Cửa khẩu quốc tế Móng Cái',
      way: options.way ?? 'handed_over_by_foreign_authority',
      fromCountry: 'CN',
      borderGate: 'Móng Cái',
      initialSupport: 'Cấp quần áo, suất ăn và tiền tàu xe về địa phương.',
      needs: ['essential_needs', 'medical', 'psychological'],
    },
    person: {
      fullName,
      sex: 'female',
      dateOfBirth: '1998-03-14',
      citizenId: options.citizenship ? null : options.citizenId === undefined ? citizenIdFor(1998, 'female') : options.citizenId,
      ...(options.citizenship
        ? { citizenship: options.citizenship, passportNumber: `N${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` }
        : {}),
      homeOrgUnitId: options.homeOrgUnitId,
      homeAddress: `Thôn Đông ${word}, số nhà 17`,
      phone: phoneNumber(),
      ethnicity: 'Kinh',
    },
    companions:
      options.child === false
        ? []
        : [
            {
              role: 'accompanying_child',
              relationship: 'Con',
              person: {
                fullName: `Nguyễn Văn Bé ${word}`,
                sex: 'male',
                estimatedAge: 9,
                ageUncertain: true,
                homeOrgUnitId: options.homeOrgUnitId,
              },
            },
          ],
    ...(options.confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  };
}

/** Creates a file as `agent` and returns its id (throws with the response on failure). */
export async function createFile(agent: Agent, body: unknown): Promise<{ id: string; reference: string }> {
  const response = await agent.post('/api/v1/victim-files', body);
  if (response.statusCode !== 201) throw new Error(`create victim file: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return response.json<{ id: string; reference: string }>();
}

/** A new file of `body` by `agent` whose first person consented (yesterday) to be referred: the file and the person's id. */
export async function fileConsentedToReferral(
  ctx: Pick<VictimTestContext, 'detailOf' | 'recent'>,
  agent: Agent,
  body: unknown,
): Promise<{ file: { id: string; reference: string }; personId: string }> {
  const file = await createFile(agent, body);
  const personId = (await ctx.detailOf(agent, file.id)).persons[0]!.id;
  const consent = await agent.post(`/api/v1/victim-files/${file.id}/consents`, {
    personId,
    purpose: 'referral',
    givenBy: 'person',
    givenOn: ctx.recent(1),
  });
  if (consent.statusCode !== 201) throw new Error(`referral consent: ${consent.statusCode} ${consent.body.slice(0, 500)}`);
  return { file, personId };
}

/**
 * For the permission matrix: a fresh file of commune A (created by `xa.a`), optionally with a
 * consent, a referral to `referTo` (accepted by `receiver` when given) or a support record.
 */
export async function matrixVictimFile(
  creator: Agent,
  options: {
    consent?: boolean;
    referTo?: string;
    receiver?: Agent;
    support?: boolean;
    facility?: boolean;
    stay?: boolean;
    closed?: boolean;
    foreigner?: boolean;
    repatriation?: boolean;
    attachment?: boolean;
  } = {},
): Promise<Record<string, string>> {
  const communeId = creator.me!.user.orgUnitId;
  const now = new Date();
  const file = await createFile(
    creator,
    womanWithChild({
      receivedOn: daysAgo(now, 1),
      homeOrgUnitId: communeId,
      confirmNotDuplicate: true,
      ...(options.foreigner || options.repatriation ? { citizenship: 'KH' } : {}),
    }),
  );
  const detail = (await creator.get(`/api/v1/victim-files/${file.id}`)).json<{ persons: { id: string }[] }>();
  const setup: Record<string, string> = { fileId: file.id, personId: detail.persons[0]!.id };
  if (options.consent) {
    const consent = await creator.post(`/api/v1/victim-files/${file.id}/consents`, {
      personId: setup.personId,
      purpose: 'referral',
      givenBy: 'person',
      givenOn: todayIn(now),
    });
    setup.consentId = consent.json<{ id: string }>().id;
  }
  if (options.referTo) {
    const referral = await creator.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: setup.personId,
      receivingAgencyId: options.referTo,
      reason: 'Đề nghị hỗ trợ y tế',
      legalBasis: 'Đề nghị của cơ quan điều tra',
    });
    setup.referralId = referral.json<{ id: string }>().id;
    if (options.receiver) await options.receiver.post(`/api/v1/victim-referrals/${setup.referralId}/accept`, {});
  }
  if (options.support) {
    const support = await creator.post(`/api/v1/victim-files/${file.id}/support-services`, {
      personId: setup.personId,
      type: 'essential_needs',
    });
    setup.supportId = support.json<{ id: string }>().id;
  }
  if (options.facility || options.stay) {
    const facility = await creator.post('/api/v1/victim-facilities', { name: `Nhà tạm lánh ${uniqueWord()}`, capacity: 10 });
    setup.facilityId = facility.json<{ id: string }>().id;
  }
  if (options.stay) {
    const stay = await creator.post(`/api/v1/victim-files/${file.id}/stays`, {
      personId: setup.personId,
      facilityId: setup.facilityId,
      admittedOn: todayIn(now),
    });
    setup.stayId = stay.json<{ id: string }>().id;
  }
  if (options.repatriation) {
    const repatriation = await creator.post(`/api/v1/victim-files/${file.id}/repatriations`, {
      personId: setup.personId,
      mission: 'Đại sứ quán Vương quốc Campuchia tại Hà Nội',
    });
    setup.repatriationId = repatriation.json<{ id: string }>().id;
  }
  if (options.attachment) {
    const attachment = await creator.post(`/api/v1/victim-files/${file.id}/attachments`, {
      kind: 'evidence',
      fileName: 'bien-ban.pdf',
      contentBase64: pdfBytes('Biên bản ma trận').toString('base64'),
    });
    setup.attachmentId = attachment.json<{ id: string }>().id;
  }
  if (options.closed) {
    await creator.post(`/api/v1/victim-files/${file.id}/close`, { closedOn: todayIn(now), reason: 'reintegrated' });
  }
  return setup;
}

/** A small, well-formed PDF whose text is `text` (the type is checked from the content). */
export function pdfBytes(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}) Tj ET`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n` +
      `4 0 obj << /Length ${stream.length} >> stream\n${stream}\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** The demo users the victims tests act as, by the part they play (signed in in this order). */
const VICTIM_TEST_USERS = {
  admin: 'admin',
  national: 'tw.thuongtruc',
  communeA: 'xa.a',
  communeB: 'xa.b',
  office: 'tinh.thuongtruc',
  health: 'so.yte',
  court: 'toaan',
} as const;
export type VictimTestRole = keyof typeof VICTIM_TEST_USERS;

export interface VictimTestContext {
  /** The app on the file's own database; its clock is `t.clock`. */
  readonly t: TestApp;
  /** The commune of `xa.a` and its full name. */
  readonly communeAId: string;
  readonly communeAName: string;
  /** The Sở Y tế agency (code T31.SYT), a receiving agency for referrals. */
  readonly healthAgencyId: string;
  /** Today, and `days` days ago, on the app's clock (Vietnam time). */
  today(): string;
  recent(days: number): string;
  /** The problem in an error response. */
  problem(response: { json: <T>() => T }): Problem & { duplicates?: { fileId: string }[] };
  /** The file as `agent` sees it. */
  detailOf(agent: Agent, fileId: string): Promise<VictimFileDetail>;
}

/**
 * The shared setup of a victims test file, called once at its top level: registers a `beforeAll`
 * that creates the test app and signs in the users of `roles` only (each sign-in costs a password
 * hash check), and an `afterAll` that closes the app. The fields are filled when the tests run;
 * the helpers can be destructured at once, they read the app only when called.
 */
export function useVictimTestContext<R extends VictimTestRole>(...roles: R[]): VictimTestContext & Readonly<Record<R, Agent>> {
  let app: TestApp | undefined;
  const agents = new Map<VictimTestRole, Agent>();
  const ids: { communeAId?: string; communeAName?: string; healthAgencyId?: string } = {};
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`victim test context: ${name} is read before beforeAll has run`);
    return value;
  };

  beforeAll(async () => {
    app = await createTestApp();
    for (const [role, username] of Object.entries(VICTIM_TEST_USERS) as [VictimTestRole, string][]) {
      if (roles.includes(role as R)) agents.set(role, await loginAs(app.app, username));
    }
    const [commune] = await app.database.db
      .select({ id: orgUnits.id, name: orgUnits.fullName })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(eq(users.username, VICTIM_TEST_USERS.communeA));
    ids.communeAId = commune!.id;
    ids.communeAName = commune!.name;
    const [agency] = await app.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'T31.SYT'));
    ids.healthAgencyId = agency!.id;
  });
  afterAll(() => app?.close());

  const context: VictimTestContext = {
    get t() {
      return ready(app, 't');
    },
    get communeAId() {
      return ready(ids.communeAId, 'communeAId');
    },
    get communeAName() {
      return ready(ids.communeAName, 'communeAName');
    },
    get healthAgencyId() {
      return ready(ids.healthAgencyId, 'healthAgencyId');
    },
    today: () => todayIn(context.t.clock.now),
    recent: (days) => daysAgo(context.t.clock.now, days),
    problem: (response) => response.json<Problem & { duplicates?: { fileId: string }[] }>(),
    detailOf: (agent, fileId) => agent.get(`/api/v1/victim-files/${fileId}`).then((r) => r.json<VictimFileDetail>()),
  };
  for (const role of roles) {
    Object.defineProperty(context, role, { enumerable: true, get: () => ready(agents.get(role), role) });
  }
  return context as VictimTestContext & Readonly<Record<R, Agent>>;
}

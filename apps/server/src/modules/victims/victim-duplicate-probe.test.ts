import { auditEvents, orgUnits, userAssignments, users } from '@atmis/db';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAs, uniqueName } from '../../testing/test-app.ts';
import { createFile, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';
import { DUPLICATE_PROBE_LIMIT, DUPLICATE_PROBE_WINDOW_MS } from './victims.service.ts';

// Issue 13, finding 3: the duplicate check at reception must not be a free, silent lookup of the register.
const ctx = useVictimTestContext('communeA', 'communeB');
const { recent, problem } = ctx;

async function userId(username: string) {
  const [row] = await ctx.t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

async function auditRows(action: 'victim.duplicate_probe' | 'victim.duplicate_probe_refused', actorUserId: string) {
  return ctx.t.database.db
    .select({
      actor: auditEvents.actorUsername,
      entityId: auditEvents.entityId,
      orgUnitId: auditEvents.orgUnitId,
      details: auditEvents.details,
      occurredAt: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorUserId, actorUserId)));
}

/**
 * PGlite answers in-process without giving the event loop a turn, so requests sent at once would run
 * one after another; while the returned function is not called, each query outside a transaction
 * first waits a turn, as a round trip to PostgreSQL does, and requests interleave as they do there.
 */
function interleavingQueries(): () => void {
  const pglite = ctx.t.database.pglite;
  if (!pglite) return () => {};
  const query = pglite.query;
  pglite.query = async function (this: typeof pglite, ...args: Parameters<typeof query>) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return query.apply(this, args);
  } as typeof query;
  return () => {
    pglite.query = query;
  };
}

describe('the duplicate check as a lookup oracle', () => {
  it('audits a match in another unit, tells the holding unit, and stops a user after the limit', async () => {
    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId, child: false });
    const file = await createFile(ctx.communeA, body);
    const probeBy = await userId('xa.b');
    const [communeB] = await ctx.t.database.db
      .select({ name: orgUnits.fullName })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(eq(users.username, 'xa.b'));

    // Commune B enters the same citizen ID: still 409 naming the unit only…
    const probe = await ctx.communeB.post('/api/v1/victim-files', body);
    expect(probe.statusCode).toBe(409);
    expect(problem(probe).code).toBe('victim.possible_duplicate_elsewhere');
    expect(probe.body).not.toContain(file.id);

    // …but audited: who, the kind of match and the matched file, never the identity entered.
    const audited = (await auditRows('victim.duplicate_probe', probeBy)).filter((row) => row.entityId === file.id);
    expect(audited).toEqual([
      expect.objectContaining({
        actor: 'xa.b',
        entityId: file.id,
        orgUnitId: ctx.communeAId,
        details: expect.objectContaining({ matchKind: 'citizen_id', holdingOrgUnitId: ctx.communeAId }),
      }),
    ]);
    const auditText = JSON.stringify(audited);
    expect(auditText).not.toContain(body.person.citizenId!);
    expect(auditText).not.toContain(body.person.fullName.split(' ').at(-1)!);

    // The holding unit's officer is told which file was matched, by which unit and when; no identity.
    const inbox = (await ctx.communeA.get('/api/v1/notifications?limit=100')).json<{
      items: { kind: string; title: string; body: string; entityId: string | null }[];
    }>();
    const alerts = inbox.items.filter((item) => item.kind === 'victim_duplicate_probe' && item.entityId === file.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title).toContain(file.reference);
    expect(alerts[0]!.body).toContain(communeB!.name);
    expect(alerts[0]!.body).toMatch(/lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(JSON.stringify(alerts)).not.toContain(body.person.citizenId!);
    expect(JSON.stringify(alerts)).not.toContain(body.person.fullName);

    // Probing on up to the limit (on a shared PostgreSQL database other files may have used some already).
    const [used] = await ctx.t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorUserId, probeBy),
          eq(auditEvents.action, 'victim.duplicate_probe'),
          gt(auditEvents.occurredAt, new Date(ctx.t.clock.now.getTime() - DUPLICATE_PROBE_WINDOW_MS)),
        ),
      );
    for (let i = used!.n; i < DUPLICATE_PROBE_LIMIT; i += 1) {
      const again = await ctx.communeB.post('/api/v1/victim-files', body);
      expect(again.statusCode).toBe(409);
    }

    // The next probe is refused (429, Vietnamese), audited, and reveals nothing: not even whether it matches.
    const refusedBefore = (await auditRows('victim.duplicate_probe_refused', probeBy)).length;
    const over = await ctx.communeB.post('/api/v1/victim-files', body);
    expect(over.statusCode).toBe(429);
    expect(problem(over).code).toBe('victim.duplicate_probe_limit');
    expect(problem(over).title).toContain(`${DUPLICATE_PROBE_LIMIT} lần trong 24 giờ qua`);
    expect(over.body).not.toContain(ctx.communeAName);
    const stranger = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId, child: false });
    const noMatch = await ctx.communeB.post('/api/v1/victim-files', stranger);
    expect(noMatch.statusCode).toBe(429);
    expect(await auditRows('victim.duplicate_probe_refused', probeBy)).toHaveLength(refusedBefore + 2);
    // No further matches were counted past the limit.
    expect((await auditRows('victim.duplicate_probe', probeBy)).filter((row) => row.entityId === file.id).length).toBeLessThanOrEqual(
      DUPLICATE_PROBE_LIMIT,
    );

    // Another commune officer is not affected: the limit is per user.
    const own = await ctx.communeA.post('/api/v1/victim-files', stranger);
    expect(own.statusCode).toBe(201);
  });

  it('holds the limit against probes sent at once: the limit answered, every other one refused and audited', async () => {
    // A fresh officer of commune B (a copy of xa.b: same unit, same assignments), so that no earlier probe counts.
    const username = uniqueName('xa.b.song');
    const db = ctx.t.database.db;
    const [original] = await db.select().from(users).where(eq(users.username, 'xa.b'));
    const [clone] = await db
      .insert(users)
      .values({
        username,
        fullName: original!.fullName,
        orgUnitId: original!.orgUnitId,
        agencyId: original!.agencyId,
        passwordHash: original!.passwordHash,
      })
      .returning({ id: users.id });
    const assignments = await db
      .select()
      .from(userAssignments)
      .where(and(eq(userAssignments.userId, original!.id), isNull(userAssignments.revokedAt)));
    await db.insert(userAssignments).values(
      assignments.map((assignment) => ({
        userId: clone!.id,
        roleId: assignment.roleId,
        orgUnitId: assignment.orgUnitId,
        agencyId: assignment.agencyId,
        scope: assignment.scope,
      })),
    );
    const prober = await loginAs(ctx.t.app, username);

    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId, child: false });
    await createFile(ctx.communeA, body);
    const restore = interleavingQueries();
    const responses = await Promise.all(
      Array.from({ length: DUPLICATE_PROBE_LIMIT + 5 }, () => prober.post('/api/v1/victim-files', body)),
    ).finally(restore);
    const codes = responses.map((response) => `${response.statusCode} ${problem(response).code}`);
    const answered = codes.filter((code) => code === '409 victim.possible_duplicate_elsewhere');
    expect(answered).toHaveLength(DUPLICATE_PROBE_LIMIT);
    expect(codes.filter((code) => code === '429 victim.duplicate_probe_limit')).toHaveLength(codes.length - answered.length);
    expect((await auditRows('victim.duplicate_probe', clone!.id)).length).toBeLessThanOrEqual(DUPLICATE_PROBE_LIMIT);
    expect(await auditRows('victim.duplicate_probe_refused', clone!.id)).toHaveLength(codes.length - answered.length);
    // Nothing was created by any of them.
    expect(responses.some((response) => response.statusCode === 201)).toBe(false);
  });

  it('refuses an incomplete or invalid reception with 400 before any lookup, revealing no match', async () => {
    const body = womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId, child: false });
    await createFile(ctx.communeA, body);
    const probeBy = await userId('xa.b');
    const before = (await auditRows('victim.duplicate_probe', probeBy)).length;
    const { way: _way, ...withoutWay } = body.reception;
    for (const incomplete of [
      // No reception at all: only the identity to look up.
      { person: body.person },
      // A required reception field missing.
      { ...body, reception: withoutWay },
      // The whole body must be valid: a bad phone number elsewhere in the identity.
      { ...body, person: { ...body.person, phone: '123' } },
    ]) {
      const response = await ctx.communeB.post('/api/v1/victim-files', incomplete);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).not.toContain('possible_duplicate');
      expect(response.body).not.toContain(ctx.communeAName);
    }
    expect(await auditRows('victim.duplicate_probe', probeBy)).toHaveLength(before);
  });
});

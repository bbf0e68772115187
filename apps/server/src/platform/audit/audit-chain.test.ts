import { auditEvents, type Executor } from '@atmis/db';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, uniqueName, type TestApp } from '../../testing/test-app.ts';
import { verifyAuditChain } from './audit-log.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who changed what, when and from where, in the same transaction as the change', async () => {
    const admin = await loginAs(t.app, 'admin');
    const code = uniqueName('T31.A');
    const created = await admin.request(
      'POST',
      '/api/v1/agencies',
      { code, name: 'Cơ quan kiểm toán', type: 'other', orgUnitId: 'VN.31' },
      { 'user-agent': 'audit-test-agent' },
    );
    expect(created.statusCode).toBe(201);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.json<{ id: string }>().id));
    expect(event).toMatchObject({ action: 'agency.created', actorUsername: 'admin', userAgent: 'audit-test-agent', orgUnitId: 'VN.31' });
    expect(event!.ip).toBeTruthy();
    expect(event!.details).toMatchObject({ code, name: 'Cơ quan kiểm toán' });
  });

  it('is shown to auditors through the API, newest first', async () => {
    const admin = await loginAs(t.app, 'admin');
    const page = await admin.get('/api/v1/audit-events?limit=5&action=auth.login_succeeded');
    const items = page.json<{ items: { seq: number; action: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.action === 'auth.login_succeeded')).toBe(true);
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
  });

  it('verifies, and refuses to be edited or deleted', async () => {
    const admin = await loginAs(t.app, 'admin');
    const verified = await admin.post('/api/v1/audit/verify');
    expect(verified.json()).toMatchObject({ isValid: true, firstBrokenSeq: null });
    expect(verified.json<{ checked: number }>().checked).toBeGreaterThan(5);
    await expect(t.database.db.execute(sql`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
  });

  /** Runs an attacker's edit in a transaction that is always rolled back, so the shared database stays intact. */
  async function withTamperedChain(
    tamper: (tx: Executor) => Promise<number>,
    check: (result: Awaited<ReturnType<typeof verifyAuditChain>>, seq: number) => void,
  ) {
    const rollback = new Error('rollback');
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        const seq = await tamper(tx);
        check(await verifyAuditChain(tx), seq);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await verifyAuditChain(t.database.db)).isValid).toBe(true);
  }

  it('detects a tampered row', async () => {
    await loginAs(t.app, 'so.yte');
    await withTamperedChain(
      async (tx) => {
        const [last] = await tx.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
        await tx.execute(sql`update audit_events set actor_username = 'someone-else' where seq = ${last!.seq}`);
        return last!.seq;
      },
      (result, seq) => expect(result).toMatchObject({ isValid: false, firstBrokenSeq: seq, problem: 'hash_mismatch' }),
    );
  });

  it('detects a removed row', async () => {
    await withTamperedChain(
      async (tx) => {
        const [row] = await tx.select().from(auditEvents).orderBy(auditEvents.seq).limit(1).offset(2);
        await tx.execute(sql`delete from audit_events where seq = ${row!.seq}`);
        return row!.seq;
      },
      (result, seq) => expect(result).toMatchObject({ isValid: false, firstBrokenSeq: seq + 1, problem: 'prev_hash_mismatch' }),
    );
  });
});

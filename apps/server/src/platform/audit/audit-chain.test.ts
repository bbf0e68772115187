import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditEvents, type Executor } from '@atmis/db';
import { asc, desc, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, uniqueName, type TestApp } from '../../testing/test-app.ts';
import { writeAuditCheckpoint } from './audit-checkpoints.ts';
import { readCheckpoints, type AuditCheckpoint } from './audit-key.ts';
import { hashAuditEvent, KEYED_HASH_PREFIX, verifyAuditChain } from './audit-log.ts';

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
    checkpoints: AuditCheckpoint[] = [],
  ) {
    const rollback = new Error('rollback');
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        const seq = await tamper(tx);
        check(await verifyAuditChain(tx, { checkpoints }), seq);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await verifyAuditChain(t.database.db, { checkpoints })).isValid).toBe(true);
  }

  /** What an attacker with database superuser can do: recompute the chain from `fromSeq` with the app's SHA-256 function. */
  async function recomputeUnkeyed(tx: Executor, fromSeq: number) {
    const [before] = await tx
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} < ${fromSeq}`)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    let prevHash = before?.hash ?? '0'.repeat(64);
    const rows = await tx.select().from(auditEvents).where(gte(auditEvents.seq, fromSeq)).orderBy(asc(auditEvents.seq));
    for (const row of rows) {
      const hash = hashAuditEvent(prevHash, { ...row, details: row.details });
      await tx.execute(sql`update audit_events set prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`);
      prevHash = hash;
    }
  }

  /** Some activity, then a signed checkpoint in a fresh file outside the database. */
  async function activityWithCheckpoint() {
    await loginAs(t.app, 'admin');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'atmis-audit-')), 'audit-checkpoints.jsonl');
    const checkpoint = await writeAuditCheckpoint(t.database.db, file);
    expect(checkpoint).not.toBeNull();
    expect(checkpoint!.hash.startsWith(KEYED_HASH_PREFIX)).toBe(true);
    return { file, checkpoint: checkpoint!, checkpoints: readCheckpoints(file).checkpoints };
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

  it('keys new events with the audit key and passes untouched with its signed checkpoints', async () => {
    const { file, checkpoints } = await activityWithCheckpoint();
    // No new event since: no second line.
    expect(await writeAuditCheckpoint(t.database.db, file)).toBeNull();
    await loginAs(t.app, 'so.yte');
    expect(await writeAuditCheckpoint(t.database.db, file)).not.toBeNull();
    const all = readCheckpoints(file).checkpoints;
    expect(all).toHaveLength(checkpoints.length + 1);
    expect(await verifyAuditChain(t.database.db, { checkpoints: all })).toMatchObject({
      isValid: true,
      problem: null,
      checkpointsChecked: all.length,
    });
  });

  it('detects a deleted tail through the checkpoint, naming it', async () => {
    const { checkpoint, checkpoints } = await activityWithCheckpoint();
    await withTamperedChain(
      async (tx) => {
        // Delete the last three events: the chain that is left is internally consistent.
        await tx.execute(sql`delete from audit_events where seq > ${checkpoint.seq - 3}`);
        expect((await verifyAuditChain(tx)).isValid).toBe(true);
        return checkpoint.seq;
      },
      (result, seq) =>
        expect(result).toMatchObject({ isValid: false, firstBrokenSeq: seq, problem: 'checkpoint_missing_event', checkpoint }),
      checkpoints,
    );
  });

  it('detects a row rewritten and the chain recomputed with the unkeyed SHA-256 function', async () => {
    const { checkpoint, checkpoints } = await activityWithCheckpoint();
    const rewrite = async (tx: Executor) => {
      const [last] = await tx.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
      const target = last!.seq - 1;
      await tx.execute(sql`update audit_events set actor_username = 'someone-else' where seq = ${target}`);
      await recomputeUnkeyed(tx, target);
      return target;
    };
    // Without checkpoints: a legacy hash after keyed events is a downgrade.
    await withTamperedChain(rewrite, (result, seq) =>
      expect(result).toMatchObject({ isValid: false, firstBrokenSeq: seq, problem: 'unkeyed_after_keyed' }),
    );
    // The whole chain recomputed from the first event: the checkpoint no longer matches.
    await withTamperedChain(
      async (tx) => {
        await tx.execute(sql`update audit_events set actor_username = 'someone-else' where seq = ${checkpoint.seq}`);
        await recomputeUnkeyed(tx, 1);
        return checkpoint.seq;
      },
      (result) => expect(result).toMatchObject({ isValid: false, problem: 'unkeyed_after_keyed' }),
      checkpoints,
    );
  });

  it('refuses a forged checkpoint file', async () => {
    const { file, checkpoint } = await activityWithCheckpoint();
    const forged = { ...checkpoint, seq: checkpoint.seq - 2 };
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify(forged)}\n`);
    const result = await verifyAuditChain(t.database.db, { checkpoints: readCheckpoints(file).checkpoints });
    expect(result).toMatchObject({ isValid: false, problem: 'checkpoint_signature_invalid', firstBrokenSeq: forged.seq });
  });
});

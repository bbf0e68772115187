import { notifications, outboxEvents, users } from '@atmis/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createOutboxConsumerRegistry, createOutboxDispatcher } from './outbox-dispatcher.ts';
import { insertOutboxEvents } from './outbox.repository.ts';

/** The outbox's delivery on the real engine: a consumer's failure loses nothing and is retried, a bounded number of times. */
let t: TestApp;
let adminId: string;
beforeAll(async () => {
  // A database of its own: this file's dispatchers must not take other files' events.
  t = await createTestApp({}, { isolated: true });
  const [admin] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  adminId = admin!.id;
});
afterAll(() => t.close());

async function eventRow(id: string) {
  const [row] = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id));
  return row!;
}

describe('the outbox dispatcher', () => {
  it('rolls a failing consumer back, counts the attempt, delivers on the next run, and gives up after the limit', async () => {
    const logged: string[] = [];
    let failuresLeft = 1;
    const aggregateId = crypto.randomUUID();
    const consumers = createOutboxConsumerRegistry([
      {
        'test.flaky': async (tx, event) => {
          // Writes first, then fails: the write must not survive the failure.
          await tx.insert(notifications).values({
            recipientUserId: adminId,
            kind: 'test',
            title: `Sự kiện ${event.aggregateId}`,
            body: '',
            entityType: 'test',
            entityId: event.aggregateId,
            dedupeKey: `test:${event.id}`,
            createdAt: new Date(),
          });
          if (failuresLeft-- > 0) throw new Error('máy chủ thư không trả lời');
        },
        'test.broken': async () => {
          throw new Error('luôn lỗi');
        },
      },
    ]);
    const dispatcher = createOutboxDispatcher({
      db: t.database.db,
      consumers,
      clock: () => new Date(),
      log: (m) => logged.push(m),
      maxAttempts: 3,
    });
    await insertOutboxEvents(t.database.db, [{ type: 'test.flaky', aggregateType: 'test', aggregateId }], new Date());
    const brokenId = crypto.randomUUID();
    await insertOutboxEvents(t.database.db, [{ type: 'test.broken', aggregateType: 'test', aggregateId: brokenId }], new Date());
    const unwantedId = crypto.randomUUID();
    await insertOutboxEvents(t.database.db, [{ type: 'test.nobody', aggregateType: 'test', aggregateId: unwantedId }], new Date());

    const first = await dispatcher.dispatchPending();
    expect(first).toMatchObject({ delivered: 1, failed: 2, abandoned: 0 });
    expect(await eventRow(aggregateId)).toMatchObject({ attempts: 1, processedAt: null });
    expect(await t.database.db.select().from(notifications).where(eq(notifications.entityId, aggregateId))).toHaveLength(0);
    // An event nobody consumes is done with.
    expect((await eventRow(unwantedId)).processedAt).not.toBeNull();

    const second = await dispatcher.dispatchPending();
    expect(second).toMatchObject({ delivered: 1, failed: 1 });
    expect((await eventRow(aggregateId)).processedAt).not.toBeNull();
    expect(await t.database.db.select().from(notifications).where(eq(notifications.entityId, aggregateId))).toHaveLength(1);

    expect(await dispatcher.dispatchPending()).toMatchObject({ delivered: 0, failed: 1, abandoned: 1 });
    expect(await eventRow(brokenId)).toMatchObject({ attempts: 3, processedAt: null });
    expect(logged.at(-1)).toContain('sau 3 lần xử lý lỗi');
    // Given up: later runs leave it alone.
    expect(await dispatcher.dispatchPending()).toMatchObject({ delivered: 0, failed: 0 });
  });

  it('two dispatchers at once deliver each event exactly once', async () => {
    const delivered: string[] = [];
    const consumers = createOutboxConsumerRegistry([
      {
        'test.once': async (_tx, event) => {
          delivered.push(event.aggregateId);
        },
      },
    ]);
    const make = () => createOutboxDispatcher({ db: t.database.db, consumers, clock: () => new Date(), log: () => {} });
    const ids: string[] = Array.from({ length: 12 }, () => crypto.randomUUID());
    await insertOutboxEvents(
      t.database.db,
      ids.map((aggregateId) => ({ type: 'test.once', aggregateType: 'test', aggregateId })),
      new Date(),
    );
    await Promise.all([make().dispatchPending(), make().dispatchPending()]);
    expect(delivered.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });
});

import { notifications, users } from '@atmis/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fileConsentedToReferral, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

/**
 * A referral hands a person's support from one agency to another: each step tells the other party,
 * in the system, with the file's reference and never the person's identity. Sent → the receiving
 * agency; accepted, declined, completed → the agency holding the file; withdrawn → the receiver.
 */
const ctx = useVictimTestContext('communeA', 'health');

async function noticesOf(username: string, referralId: string) {
  const [user] = await ctx.t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return ctx.t.database.db
    .select({ kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, user!.id), eq(notifications.entityId, referralId)))
    .orderBy(notifications.createdAt, notifications.id);
}

async function referredFile() {
  const body = womanWithChild({ receivedOn: ctx.recent(3), homeOrgUnitId: ctx.communeAId, child: false });
  const { file, personId } = await fileConsentedToReferral(ctx, ctx.communeA, body);
  const send = async () => {
    const sent = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Đề nghị khám và điều trị y tế',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json<{ id: string }>().id;
  };
  return { file, body, send };
}

describe('hand-overs of a referral', () => {
  it('sent → the receiver; accepted and completed → the sender; the identity never appears', async () => {
    const { file, body, send } = await referredFile();
    const id = await send();
    const received = await noticesOf('so.yte', id);
    expect(received.map((n) => n.kind)).toEqual(['victim_referral']);
    expect(received[0]!.title).toBe(`Đề nghị chuyển tuyến hồ sơ ${file.reference}`);
    expect(received[0]!.link).toBe('/support?tab=referrals');
    expect(await noticesOf('xa.a', id)).toEqual([]);

    expect((await ctx.health.post(`/api/v1/victim-referrals/${id}/accept`, {})).statusCode).toBe(200);
    expect((await ctx.health.post(`/api/v1/victim-referrals/${id}/complete`, {})).statusCode).toBe(200);
    const sender = await noticesOf('xa.a', id);
    expect(sender.map((n) => n.kind)).toEqual(['victim_referral_accepted', 'victim_referral_completed']);
    expect(sender[0]!.title).toBe(`Chuyển tuyến hồ sơ ${file.reference} được tiếp nhận`);
    expect(sender[0]!.link).toBe(`/victims/${file.id}?tab=referrals`);
    // The receiver acted: it is not told of its own answers.
    expect((await noticesOf('so.yte', id)).map((n) => n.kind)).toEqual(['victim_referral']);
    const text = [...received, ...sender].map((n) => `${n.title}\n${n.body}`).join('\n');
    for (const value of [body.person.fullName, body.person.citizenId!, body.person.phone]) expect(text).not.toContain(value);
  });

  it('declined → the sender, with the reason; withdrawn → the receiver, with the reason', async () => {
    const { send } = await referredFile();
    const declined = await send();
    expect((await ctx.health.post(`/api/v1/victim-referrals/${declined}/decline`, { reason: 'Không đủ chuyên khoa' })).statusCode).toBe(
      200,
    );
    const told = await noticesOf('xa.a', declined);
    expect(told.map((n) => n.kind)).toEqual(['victim_referral_declined']);
    expect(told[0]!.body).toContain('Lý do: Không đủ chuyên khoa');

    const withdrawn = await send();
    const cancel = await ctx.communeA.post(`/api/v1/victim-referrals/${withdrawn}/cancel`, { reason: 'Gia đình tự đưa đi khám' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const receiver = await noticesOf('so.yte', withdrawn);
    expect(receiver.map((n) => n.kind)).toEqual(['victim_referral', 'victim_referral_cancelled']);
    expect(receiver[1]!.body).toContain('Lý do: Gia đình tự đưa đi khám');
  });
});

import { users } from '@atmis/db';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../testing/smtp-sink.ts';
import { fileConsentedToReferral, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

// The app of this file sends its email to a local SMTP server (ATMIS_SMTP_URL is read when the app is built).
const sink = await startSmtpSink();
process.env.ATMIS_SMTP_URL = sink.url;
afterAll(async () => {
  delete process.env.ATMIS_SMTP_URL;
  await sink.close();
});

const ctx = useVictimTestContext('communeA', 'health');

describe('referral email', () => {
  it('tells the receiving agency by email that a referral waits, with the file reference and the due date, never the identity', async () => {
    const receiverEmail = 'can.bo.so.yte@example.gov.vn';
    await ctx.t.database.db.update(users).set({ email: receiverEmail }).where(eq(users.username, 'so.yte'));
    const body = womanWithChild({ receivedOn: ctx.recent(2), homeOrgUnitId: ctx.communeAId, child: false });
    const { file, personId } = await fileConsentedToReferral(ctx, ctx.communeA, body);
    const sent = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Đề nghị khám và điều trị y tế',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const answerDueOn = sent.json<{ answerDueOn: string }>().answerDueOn;

    const mails = sink.received.filter((mail) => mail.to.includes(receiverEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Đề nghị chuyển tuyến hồ sơ ${file.reference}`);
    expect(mails[0]!.text).toContain(`Hạn trả lời: ${answerDueOn.split('-').reverse().join('/')}`);
    const identity = [body.person.fullName, body.person.citizenId!, body.person.phone, body.person.homeAddress];
    for (const value of identity) expect(`${mails[0]!.subject}\n${mails[0]!.text}`).not.toContain(value);
    for (const word of body.person.fullName.split(' ').slice(-1)) expect(mails[0]!.text).not.toContain(word);
  });
});

import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * Email goes out only when ATMIS_SMTP_URL is set (e.g. smtps://user:pass@mail.example.gov.vn:465);
 * otherwise notifications stay in-app. Failures are logged without the URL (it may hold a password).
 */
export function createMailer(env: NodeJS.ProcessEnv = process.env) {
  const url = env.ATMIS_SMTP_URL;
  const from = env.ATMIS_SMTP_FROM ?? 'ATMIS <no-reply@atmis.local>';
  const transport = url ? nodemailer.createTransport(url) : null;
  return {
    isEnabled: Boolean(transport),
    async send(mails: Mail[]): Promise<number> {
      if (!transport) return 0;
      let sent = 0;
      for (const mail of mails) {
        if (!mail.to.length) continue;
        try {
          await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
          sent++;
        } catch (error) {
          console.error(`ATMIS: không gửi được thư "${mail.subject}": ${error instanceof Error ? error.message : 'lỗi không rõ'}`);
        }
      }
      return sent;
    },
  };
}
export type Mailer = ReturnType<typeof createMailer>;

// SMTP delivery (nodemailer) for notification e-mails, when SMTP_URL is configured.
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Mailer } from '../modules/notifications/service.js';

export function smtpMailer(mail: NonNullable<Config['mail']>): Mailer {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  return {
    async send(m) {
      await transport.sendMail({ from: mail.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

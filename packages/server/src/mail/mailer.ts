// Outgoing e-mail over SMTP (nodemailer). Without SMTP_URL (development only;
// config refuses it in production) messages are printed to the console so the
// sign-in link can be followed. Bodies must never carry PHI: callers pass
// only links, codes and the practice's name.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logger.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        // Development only: the address is printed because this is the
        // developer's own console, standing in for their inbox.
        process.stdout.write(`\n[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n\n`);
      },
      close() {},
    };
  }
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}

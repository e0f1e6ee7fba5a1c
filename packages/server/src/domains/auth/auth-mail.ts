// The e-mails of the auth domain. They carry only a practice's name, a code
// or a link: never a client's name, an appointment or anything clinical, and
// the recipient's address is only in the envelope.
import type { OutgoingMail } from '../../mail/mailer.js';

export function staffInviteMail(to: string, practiceName: string, link: string, expiresAt: Date): OutgoingMail {
  return {
    to,
    subject: `You're invited to join ${practiceName} on therapyCRM`,
    text: [
      `You have been invited to join ${practiceName} on therapyCRM.`,
      '',
      'Accept the invitation and choose your password here:',
      link,
      '',
      `The link works once and expires on ${expiresAt.toUTCString()}.`,
      "If you weren't expecting this, you can ignore this e-mail.",
    ].join('\n'),
  };
}

export function clientCodeMail(to: string, practiceName: string, code: string, link: string, minutes: number): OutgoingMail {
  return {
    to,
    subject: `Your ${practiceName} verification code`,
    text: [
      `Your code is ${code}`,
      '',
      `Enter it on ${practiceName}'s website, or open this link on this device:`,
      link,
      '',
      `The code and link expire in ${minutes} minutes and work once.`,
      "If you didn't ask for this, you can ignore this e-mail.",
    ].join('\n'),
  };
}

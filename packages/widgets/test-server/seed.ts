// What the console tests find on the server: one practice whose publishable
// key allows the wtr page's origin, an owner with a known password and a
// confirmed TOTP factor, a published two-page form with conditional
// questions, and a submission to it. Everything goes through the server's
// own services and procedures, so the rows are exactly what production writes.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { App } from '../../server/src/app.js';
import { appRouter } from '../../server/src/router.js';
import { createCallerFactory } from '../../server/src/trpc/init.js';
import { createTestContext } from '../../server/src/trpc/context.js';
import { provisionPractice } from '../../server/src/domains/practice/provision.js';
import { createStaffSession } from '../../server/src/domains/auth/staff-session.js';
import { hashPassword } from '../../server/src/domains/auth/password.js';
import { newTotpSecret, sealTotpSecret } from '../../server/src/domains/auth/totp.js';

const createCaller = createCallerFactory(appRouter);
type Services = App['services'];
export type StaffRole = 'owner' | 'clinician' | 'front_desk' | 'biller' | 'auditor';

export interface StaffAccount {
  userId: string;
  email: string;
  password: string;
  /** Base32 TOTP secret; null when the account has not enrolled yet. */
  secret: string | null;
}

export interface Fixture {
  practiceId: string;
  practiceName: string;
  publishableKey: string;
  owner: StaffAccount;
  formId: string;
  formKey: string;
  formVersionId: string;
  submissionId: string;
  clientName: string;
}

/** First name, an e-mail, a yes/no that reveals a follow-up, a choice that reveals another, a long answer, a number, a signature. */
export const TEST_FORM = {
  version: 1,
  title: { en: 'New client intake', es: 'Admisión de nuevo cliente' },
  pages: [
    {
      id: 'about',
      title: 'About you',
      items: [
        {
          type: 'text',
          id: 'first_name',
          label: { en: 'First name', es: 'Nombre' },
          required: true,
        },
        { type: 'email', id: 'email', label: 'E-mail', required: true },
        {
          type: 'yes_no',
          id: 'seen_before',
          label: { en: 'Seen a therapist before?', es: '¿Ha visto a un terapeuta antes?' },
          required: true,
        },
        {
          type: 'text',
          id: 'previous_therapist',
          label: 'Who did you see?',
          visibleWhen: { field: 'seen_before', op: 'eq', value: true },
        },
        {
          type: 'single_choice',
          id: 'referral',
          label: 'How did you hear about us?',
          options: [
            { value: 'doctor', label: { en: 'My doctor', es: 'Mi médico' } },
            { value: 'other', label: 'Other' },
          ],
        },
        {
          type: 'text',
          id: 'referral_other',
          label: 'Tell us more',
          visibleWhen: { field: 'referral', op: 'eq', value: 'other' },
        },
      ],
    },
    {
      id: 'history',
      items: [
        { type: 'section', id: 'history_section', title: 'History' },
        { type: 'long_text', id: 'concerns', label: 'What brings you here?', required: true },
        { type: 'number', id: 'sleep_hours', label: 'Hours of sleep', min: 0, max: 24 },
        { type: 'signature', id: 'signature', label: 'Signature', required: true },
      ],
    },
  ],
};

export async function createStaff(
  services: Services,
  practiceId: string,
  role: StaffRole,
  enrolled: boolean,
  /** Also a member of a second, new practice (the sign-in practice chooser). */
  secondPractice = false,
): Promise<StaffAccount> {
  const tag = crypto.randomBytes(4).toString('hex');
  const email = `${role.replace('_', '-')}-${tag}@console.test`;
  const password = `Console-${tag}-Lantern-Harbor`;
  const user = await services.prisma.staffUser.create({
    data: {
      email,
      displayName: `${role} ${tag}`,
      passwordHash: await hashPassword(password),
      memberships: { create: { practiceId, role } },
    },
    select: { id: true },
  });
  let secret: string | null = null;
  if (enrolled) {
    secret = newTotpSecret();
    await services.prisma.mfaFactor.create({
      data: {
        staffUserId: user.id,
        secretEnc: await sealTotpSecret(services, practiceId, secret),
        confirmedAt: services.clock.now(),
      },
    });
  }
  if (secondPractice) {
    const second = await provisionPractice(services, {
      name: `Second Test Practice ${tag}`,
      slug: `second-${tag}`,
      timezone: 'Europe/Madrid',
      owner: {
        email: `second-owner-${tag}@console.test`,
        displayName: 'Second owner',
        password: `${password}-2`,
      },
      allowedOrigins: [],
    });
    await services.prisma.membership.create({
      data: { practiceId: second.practiceId, staffUserId: user.id, role },
    });
  }
  return { userId: user.id, email, password, secret };
}

/** A caller for the staff procedures, as a clinician who has passed MFA. */
async function clinicianCaller(services: Services, practiceId: string) {
  const clinician = await createStaff(services, practiceId, 'clinician', true);
  const { token } = await createStaffSession(services, {
    staffUserId: clinician.userId,
    practiceId,
    mfaVerified: true,
    ip: '127.0.0.1',
    userAgent: 'seed',
  });
  return createCaller(createTestContext(services, { staffSessionToken: token }));
}

/** A drawn signature as the widget sends it: a real PNG data URL. */
function signatureDataUrl(): string {
  const size = 8;
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Array.from({ length: size }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: size }, (_, x) => (x === y ? 0 : 255))]),
  );
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Submits the test form through the public procedure, as the widget would. */
export async function submitIntake(
  services: Services,
  publishableKey: string,
  formVersionId: string,
  client: { firstName: string; lastName: string },
): Promise<string> {
  const widget = createCaller(
    createTestContext(services, { publishableKey, idempotencyKey: crypto.randomUUID() }),
  );
  const { submissionId } = await widget.intake.submit({
    formVersionId,
    client: {
      firstName: client.firstName,
      lastName: client.lastName,
      email: `${client.firstName.toLowerCase()}.${crypto.randomBytes(3).toString('hex')}@example.test`,
    },
    answers: {
      first_name: client.firstName,
      email: 'client@example.test',
      seen_before: false,
      referral: 'doctor',
      concerns: 'Trouble sleeping.\nWorry at work.',
      sleep_hours: 5,
      signature: { dataUrl: signatureDataUrl() },
    },
  });
  return submissionId;
}

export async function seed(app: App, origin: string): Promise<Fixture> {
  const { services } = app;
  const ownerPassword = `Console-Owner-${crypto.randomBytes(4).toString('hex')}-Lighthouse`;
  const practiceName = 'Harbor Test Counseling';
  const provisioned = await provisionPractice(services, {
    name: practiceName,
    slug: `harbor-test-${crypto.randomBytes(3).toString('hex')}`,
    timezone: 'America/New_York',
    owner: { email: 'owner@console.test', displayName: 'Olivia Owner', password: ownerPassword },
    allowedOrigins: [origin],
  });
  const secret = newTotpSecret();
  await services.prisma.mfaFactor.create({
    data: {
      staffUserId: provisioned.ownerId,
      secretEnc: await sealTotpSecret(services, provisioned.practiceId, secret),
      confirmedAt: services.clock.now(),
    },
  });
  const staff = await clinicianCaller(services, provisioned.practiceId);
  const formKey = 'new-client-intake';
  const created = await staff.intake.forms.create({
    key: formKey,
    title: 'New client intake',
    definition: TEST_FORM,
  });
  await staff.intake.forms.publish({ formId: created.formId });
  const clientName = 'Rosa Diaz';
  const submissionId = await submitIntake(services, provisioned.publishableKey, created.versionId, {
    firstName: 'Rosa',
    lastName: 'Diaz',
  });
  return {
    practiceId: provisioned.practiceId,
    practiceName,
    publishableKey: provisioned.publishableKey,
    owner: {
      userId: provisioned.ownerId,
      email: 'owner@console.test',
      password: ownerPassword,
      secret,
    },
    formId: created.formId,
    formKey,
    formVersionId: created.versionId,
    submissionId,
    clientName,
  };
}

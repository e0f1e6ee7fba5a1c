// Two practices, A and B, each with one signed-in staff member per role, a
// guardian and a minor client, a spare adult client, publishable and secret
// API keys, and a verified client session. Security suites call procedures as
// A's principals with B's ids, so everything is built through the real
// services (provisioning, sessions, the clients router), never by hand.
import type { StaffRole } from '../../src/generated/prisma/enums.js';
import { createClientSession } from '../../src/domains/auth/client-session.js';
import { createStaffSession } from '../../src/domains/auth/staff-session.js';
import { hashPassword } from '../../src/domains/auth/password.js';
import { hashToken } from '../../src/domains/auth/session-token.js';
import { createTestPractice, signedInStaff, type TestPractice } from './fixtures.js';
import { buildIntakeObjects, type IntakeObjects } from './intake-world.js';
import { ALL_WEEK, buildBookingObjects, type BookingObjects } from './booking-world.js';
import type { TestApp } from './test-app.js';

export const STAFF_ROLES = ['owner', 'clinician', 'front_desk', 'biller', 'auditor'] as const satisfies readonly StaffRole[];

export interface Tenant {
  label: 'a' | 'b';
  practice: TestPractice;
  /** Display name of the practice (B's must never show up in A's answers). */
  practiceName: string;
  slug: string;
  staff: Record<StaffRole, { userId: string; token: string }>;
  clients: { adultId: string; guardianId: string; minorId: string; spareId: string };
  /** Decrypted values that would identify B's clients if they leaked. */
  clientNames: string[];
  apiKeys: { publishableId: string; spareSecretId: string; extraPublishableId: string; extraPublishableKey: string };
  clientSession: { token: string; clientId: string };
  /** A clinician with a known password, for procedures that act on the caller's own account. */
  spareStaff: { userId: string; token: string; email: string; password: string };
  /** E-mail of the adult client, with a live code requested through this practice's key. */
  adultEmail: string;
  /** A live magic-link token of this practice (for the guardian's e-mail). */
  linkToken: string;
  intake: IntakeObjects;
  booking: BookingObjects;
}

export interface World {
  a: Tenant;
  b: Tenant;
  /** Staff who work in both practices (members of A and of B, signed in to B). */
  shared: { forRole: { userId: string }; forDisable: { userId: string }; forCalendar: { userId: string } };
}

async function buildTenant(app: TestApp, label: 'a' | 'b'): Promise<Tenant> {
  const practice = await createTestPractice(app, label);
  const staff = {} as Tenant['staff'];
  for (const role of STAFF_ROLES) staff[role] = await signedInStaff(app, practice.practiceId, role);
  const caller = app.caller({ staffSessionToken: staff.owner.token });
  const tag = `${label.toUpperCase()}${practice.practiceId.slice(0, 6)}`;
  const names = {
    adult: `Adela${tag}`,
    guardian: `Gwen${tag}`,
    minor: `Milo${tag}`,
    spare: `Sparrow${tag}`,
  };
  const year = app.clock.now().getUTCFullYear();
  const adult = await caller.clients.create({ firstName: names.adult, lastName: 'Isolation', email: `adult-${tag}@example.test` });
  const guardian = await caller.clients.create({ firstName: names.guardian, lastName: 'Isolation', email: `g-${tag}@example.test` });
  const minor = await caller.clients.create({
    firstName: names.minor,
    lastName: 'Isolation',
    dateOfBirth: `${year - 9}-03-04`,
    guardianId: guardian.id,
  });
  const spare = await caller.clients.create({ firstName: names.spare, lastName: 'Isolation' });
  const publishable = await app.services.prisma.apiKey.findFirstOrThrow({
    where: { practiceId: practice.practiceId, kind: 'publishable' },
    select: { id: true },
  });
  const spareSecret = await caller.practice.apiKeys.create({ kind: 'secret', label: 'Spare secret' });
  const extra = await caller.practice.apiKeys.create({
    kind: 'publishable',
    label: 'Second site',
    allowedOrigins: [practice.origin],
  });
  const emailHash = await app.services.cipher.blindIndex(practice.practiceId, `adult-${tag}@example.test`);
  const session = await createClientSession(app.services, {
    practiceId: practice.practiceId,
    emailHash,
    clientId: adult.id,
  });
  const settings = await caller.practice.settings();
  const spareEmail = `spare-${tag.toLowerCase()}@example.test`;
  const sparePassword = `Lantern-Harbor-${tag}-Quietly`;
  const spareUser = await app.services.prisma.staffUser.create({
    data: {
      email: spareEmail,
      displayName: `Spare ${tag}`,
      passwordHash: await hashPassword(sparePassword),
      memberships: { create: { practiceId: practice.practiceId, role: 'clinician' } },
    },
    select: { id: true },
  });
  const spareSession = await createStaffSession(app.services, {
    staffUserId: spareUser.id,
    practiceId: practice.practiceId,
    mfaVerified: true,
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  const adultEmail = `adult-${tag}@example.test`;
  await app.caller({ publishableKey: practice.publishableKey, origin: practice.origin }).clientAuth.requestCode({ email: adultEmail });
  // The link token is only ever e-mailed; a row with a token we know stands in for reading the mail.
  const linkToken = `tcv_world_${tag}_${practice.practiceId.replace(/-/g, '')}`;
  const now = app.clock.now();
  await app.services.prisma.emailVerification.create({
    data: {
      practiceId: practice.practiceId,
      emailHash: await app.services.cipher.blindIndex(practice.practiceId, `g-${tag}@example.test`),
      codeHash: 'not-a-code',
      linkTokenHash: hashToken(linkToken),
      expiresAt: new Date(now.getTime() + 10 * 60_000),
      createdAt: now,
    },
  });
  return {
    label,
    practice,
    practiceName: settings.name,
    slug: settings.slug,
    staff,
    clients: { adultId: adult.id, guardianId: guardian.id, minorId: minor.id, spareId: spare.id },
    clientNames: Object.values(names),
    apiKeys: {
      publishableId: publishable.id,
      spareSecretId: spareSecret.id,
      extraPublishableId: extra.id,
      extraPublishableKey: extra.publicKey!,
    },
    clientSession: { token: session.token, clientId: adult.id },
    spareStaff: { userId: spareUser.id, token: spareSession.token, email: spareEmail, password: sparePassword },
    adultEmail,
    linkToken,
    intake: await buildIntakeObjects(app, practice, staff.owner.token, tag),
    booking: await buildBookingObjects(app, practice, staff.owner.token, staff.clinician.userId, tag),
  };
}

/** Someone working in both practices: a member of B (signed in there) and of A. */
async function sharedStaff(app: TestApp, a: Tenant, b: Tenant): Promise<{ userId: string }> {
  const { userId } = await signedInStaff(app, b.practice.practiceId, 'clinician');
  await app.services.prisma.membership.create({ data: { practiceId: a.practice.practiceId, staffUserId: userId, role: 'clinician' } });
  return { userId };
}

export async function buildWorld(app: TestApp): Promise<World> {
  const a = await buildTenant(app, 'a');
  const b = await buildTenant(app, 'b');
  const forCalendar = await sharedStaff(app, a, b);
  // B has a schedule for the shared clinician: A's edits to theirs must not touch it.
  await app.caller({ staffSessionToken: b.staff.owner.token }).booking.admin.schedule.setWeeklyHours({
    clinicianId: forCalendar.userId,
    hours: ALL_WEEK,
  });
  return { a, b, shared: { forRole: await sharedStaff(app, a, b), forDisable: await sharedStaff(app, a, b), forCalendar } };
}

/**
 * Strings that identify tenant B: none may appear in anything A receives.
 * (Origins, slugs and staff e-mails are left out: A may type them itself, e.g.
 * list B's site on its key, try B's slug, or invite B's staff member.)
 */
export function fingerprintsOf(t: Tenant): string[] {
  return [
    t.practice.practiceId,
    t.practice.publishableKey,
    t.practiceName,
    ...Object.values(t.clients),
    ...t.clientNames,
    t.apiKeys.publishableId,
    t.apiKeys.spareSecretId,
    t.apiKeys.extraPublishableId,
    t.apiKeys.extraPublishableKey,
    ...Object.values(t.staff).map((s) => s.userId),
    t.spareStaff.userId,
    t.linkToken,
    t.intake.formId,
    t.intake.versionId,
    t.intake.ownOnlyFormId,
    t.intake.resumeToken,
    t.intake.draftId,
    t.intake.submissionId,
    t.intake.fileId,
    t.booking.typeId,
    t.booking.requestTypeId,
    t.booking.appointmentId,
    t.booking.requestedAppointmentId,
    t.booking.holdToken,
    t.booking.timeOffId,
    t.booking.dueFeePaymentId,
  ];
}

// Two practices, A and B, each with one signed-in staff member per role, a
// guardian and a minor client, a spare adult client, publishable and secret
// API keys, and a verified client session. Security suites call procedures as
// A's principals with B's ids, so everything is built through the real
// services (provisioning, sessions, the clients router), never by hand.
import type { StaffRole } from '../../src/generated/prisma/enums.js';
import { createClientSession } from '../../src/domains/auth/client-session.js';
import { createTestPractice, signedInStaff, type TestPractice } from './fixtures.js';
import type { TestApp } from './test-app.js';

export const STAFF_ROLES = ['owner', 'clinician', 'front_desk', 'biller', 'auditor'] as const satisfies readonly StaffRole[];

export interface Tenant {
  label: 'a' | 'b';
  practice: TestPractice;
  /** Display name of the practice (B's must never show up in A's answers). */
  practiceName: string;
  staff: Record<StaffRole, { userId: string; token: string }>;
  clients: { adultId: string; guardianId: string; minorId: string; spareId: string };
  /** Decrypted values that would identify B's clients if they leaked. */
  clientNames: string[];
  apiKeys: { publishableId: string; spareSecretId: string; extraPublishableId: string; extraPublishableKey: string };
  clientSession: { token: string; clientId: string };
}

export interface World {
  a: Tenant;
  b: Tenant;
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
  return {
    label,
    practice,
    practiceName: settings.name,
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
  };
}

export async function buildWorld(app: TestApp): Promise<World> {
  return { a: await buildTenant(app, 'a'), b: await buildTenant(app, 'b') };
}

/**
 * Strings that identify tenant B: none may appear in anything A receives.
 * (Origins are left out: they are public, and A may list any site it likes.)
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
  ];
}

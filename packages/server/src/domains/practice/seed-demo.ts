// The demo practice a first `start` creates, so the product can be tried at
// once. Passwords are random and printed once (and kept in the data dir,
// mode 0600, for the developer to find again).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppServices } from '../../services.js';
import { hashPassword } from '../auth/password.js';
import { provisionPractice } from './provision.js';
import { seedDemoIntakeForm } from '../intake/demo-form.js';
import { seedDemoSchedule } from '../booking/demo-schedule.js';

export const DEMO_SLUG = 'harbor-light';

export interface DemoCredentials {
  practiceId: string;
  publishableKey: string;
  owner: { email: string; password: string };
  clinician: { email: string; password: string };
}

export async function seedDemoPractice(services: AppServices, origins: string[]): Promise<DemoCredentials | null> {
  const existing = await services.prisma.practice.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } });
  if (existing) return null;
  const ownerPassword = randomPassword();
  const clinicianPassword = randomPassword();
  const demo = await provisionPractice(services, {
    name: 'Harbor Light Counseling',
    slug: DEMO_SLUG,
    timezone: 'America/New_York',
    owner: { email: 'owner@harbor-light.test', displayName: 'Olivia Owner', password: ownerPassword },
    allowedOrigins: origins,
  });
  const clinician = await services.prisma.staffUser.create({
    data: {
      email: 'clinician@harbor-light.test',
      displayName: 'Dr. Casey Clinician',
      passwordHash: await hashPassword(clinicianPassword),
      memberships: { create: { practiceId: demo.practiceId, role: 'clinician' } },
    },
    select: { id: true },
  });
  await seedDemoIntakeForm(services, demo.practiceId, demo.ownerId);
  await seedDemoSchedule(services, demo.practiceId, clinician.id);
  await services.audit.record({
    practiceId: demo.practiceId,
    actor: { type: 'system' },
    action: 'staff.create',
    objectType: 'StaffUser',
    objectId: clinician.id,
    outcome: 'success',
  });
  const credentials: DemoCredentials = {
    practiceId: demo.practiceId,
    publishableKey: demo.publishableKey,
    owner: { email: 'owner@harbor-light.test', password: ownerPassword },
    clinician: { email: 'clinician@harbor-light.test', password: clinicianPassword },
  };
  const file = path.join(services.config.dataDir, 'demo-credentials.json');
  fs.mkdirSync(services.config.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
  } catch {
    return null;
  }
}

function randomPassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

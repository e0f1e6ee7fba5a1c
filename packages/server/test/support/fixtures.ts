// Practices and signed-in staff for tests, built through the real services.
import crypto from 'node:crypto';
import type { StaffRole } from '../../src/generated/prisma/enums.js';
import { provisionPractice } from '../../src/domains/practice/provision.js';
import { createStaffSession } from '../../src/domains/auth/staff-session.js';
import { hashPassword } from '../../src/domains/auth/password.js';
import type { TestApp } from './test-app.js';

export interface TestPractice {
  practiceId: string;
  publishableKey: string;
  origin: string;
  ownerId: string;
  ownerEmail: string;
  ownerPassword: string;
}

export async function createTestPractice(app: TestApp, label = 'a'): Promise<TestPractice> {
  const id = crypto.randomBytes(4).toString('hex');
  const origin = `https://${label}-${id}.practice.test`;
  const ownerEmail = `owner-${label}-${id}@example.test`;
  const ownerPassword = `Correct-Horse-${id}-Battery`;
  const p = await provisionPractice(app.services, {
    name: `Practice ${label.toUpperCase()} ${id}`,
    slug: `practice-${label}-${id}`,
    timezone: 'America/New_York',
    owner: { email: ownerEmail, displayName: `Owner ${label}`, password: ownerPassword },
    allowedOrigins: [origin],
  });
  return { ...p, origin, ownerEmail, ownerPassword };
}

/** A staff member with a session that has passed MFA; returns its cookie token. */
export async function signedInStaff(
  app: TestApp,
  practiceId: string,
  role: StaffRole = 'owner',
  options: { mfaVerified?: boolean } = {},
): Promise<{ userId: string; token: string }> {
  const user = await app.services.prisma.staffUser.create({
    data: {
      email: `${role}-${crypto.randomBytes(4).toString('hex')}@example.test`,
      displayName: role,
      passwordHash: await hashPassword(crypto.randomBytes(16).toString('hex')),
      memberships: { create: { practiceId, role } },
    },
    select: { id: true },
  });
  const { token } = await createStaffSession(app.services, {
    staffUserId: user.id,
    practiceId,
    mfaVerified: options.mfaVerified ?? true,
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  return { userId: user.id, token };
}

// Creating a practice: the tenant, its first data key, the owner account and
// membership, and a publishable key for the practice's site.
import type { AppServices } from '../../services.js';
import { DomainError } from '../../errors.js';
import { hashPassword } from '../auth/password.js';
import { newPublishableKey } from './api-keys.js';

export interface ProvisionPracticeInput {
  name: string;
  slug: string;
  timezone: string;
  owner: { email: string; displayName: string; password: string };
  allowedOrigins: string[];
}

export interface ProvisionedPractice {
  practiceId: string;
  ownerId: string;
  publishableKey: string;
}

export async function provisionPractice(
  services: AppServices,
  input: ProvisionPracticeInput,
): Promise<ProvisionedPractice> {
  const { prisma } = services;
  const email = input.owner.email.trim().toLowerCase();
  if (await prisma.practice.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new DomainError('CONFLICT', `A practice with slug "${input.slug}" already exists`);
  }
  const passwordHash = await hashPassword(input.owner.password);
  const publishableKey = newPublishableKey();
  const result = await prisma.$transaction(async (tx) => {
    const practice = await tx.practice.create({
      data: { name: input.name, slug: input.slug, timezone: input.timezone },
      select: { id: true },
    });
    const owner = await tx.staffUser.upsert({
      where: { email },
      create: { email, displayName: input.owner.displayName, passwordHash },
      update: {},
      select: { id: true },
    });
    await tx.membership.create({ data: { practiceId: practice.id, staffUserId: owner.id, role: 'owner' } });
    await tx.apiKey.create({
      data: {
        practiceId: practice.id,
        kind: 'publishable',
        label: 'Practice website',
        publicKey: publishableKey,
        allowedOrigins: input.allowedOrigins,
      },
    });
    return { practiceId: practice.id, ownerId: owner.id };
  });
  await services.cipher.ensurePracticeKey(result.practiceId);
  await services.audit.record({
    practiceId: result.practiceId,
    actor: { type: 'system' },
    action: 'practice.create',
    objectType: 'Practice',
    objectId: result.practiceId,
    outcome: 'success',
  });
  return { ...result, publishableKey };
}

// Joining the waitlist for a type (optionally one clinician) within a date
// range. The e-mail is stored encrypted, with its blind index for matching
// duplicates. The answer is the same whether or not the address was already
// waiting, so the waitlist is no oracle for who is a client.
import { z } from 'zod';
import type { AppServices } from '../../services.js';
import { loadBookingContext } from './booking-catalog.js';
import { instant, rangeMessage, withinRange } from './booking.schema.js';

export const joinWaitlistInput = z
  .strictObject({
    appointmentTypeId: z.uuid(),
    clinicianId: z.uuid().optional(),
    from: instant,
    to: instant,
    email: z.email().max(254),
  })
  .refine(withinRange, rangeMessage);

export type JoinWaitlistInput = z.infer<typeof joinWaitlistInput>;

export async function joinWaitlist(
  services: AppServices,
  practiceId: string,
  input: JoinWaitlistInput,
  /** The client's IP (widget requests), counted by the `waitlistJoin` rate limit. */
  ip?: string,
) {
  if (ip) await services.rateLimits.consume('waitlistJoin', ip);
  // Scoped lookup: another practice's type or clinician is "not found".
  await loadBookingContext(services.prisma, practiceId, input.appointmentTypeId, input.clinicianId);
  const email = input.email.trim().toLowerCase();
  const [emailHash, emailEnc] = await Promise.all([
    services.cipher.blindIndex(practiceId, email),
    services.cipher.encrypt(practiceId, email),
  ]);
  const [created] = await services.prisma.waitlistEntry.createManyAndReturn({
    data: [
      {
        practiceId,
        appointmentTypeId: input.appointmentTypeId,
        clinicianId: input.clinicianId ?? null,
        rangeStart: input.from,
        rangeEnd: input.to,
        emailHash,
        emailEnc,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return {
    entryId: created?.id ?? null,
    response: {
      status: 'waiting' as const,
      from: input.from.toISOString(),
      to: input.to.toISOString(),
    },
  };
}

// booking.offer: what a held time is, for the page a waitlist offer e-mail
// opens (`#hold=thd_…`), so the widget can show the time before asking for
// the client's details and confirming through the ordinary booking.confirm.
// The hold token is the capability (only its SHA-256 is stored); the tenant
// still comes from the publishable key, so another practice's token answers
// exactly like a token that was never issued. A plain booking.hold token is a
// hold token too: describing one's own hold tells nothing new.
//
// Spent tokens: confirm, checkout, a lapsed waitlist offer and a lapsed
// plain hold (hold-lapse.ts) clear the stored hash, so such a token names no
// row any more and answers `invalid_offer`; `hold_expired` is for a row still
// found by the token whose hold is past its expiry or no longer held (before
// the lapse job ran, or retired by a later claim). The widget shows one
// "offer gone" notice for both.
import { z } from 'zod';
import { DomainError } from '../../errors.js';
import type { AppServices } from '../../services.js';
import { hashToken } from '../auth/session-token.js';
import { zoneRules } from './booking-catalog.js';
import { confirmInput } from './booking.schema.js';

export const offerInput = z.strictObject({ holdToken: confirmInput.shape.holdToken });

export interface OfferView {
  holdId: string;
  appointmentTypeId: string;
  clinicianId: string;
  clinicianName: string;
  startsAt: string;
  endsAt: string;
  startsAtPractice: string;
  practiceTimeZone: string;
  expiresAt: string;
}

export const invalidOffer = () =>
  new DomainError('NOT_FOUND', 'This offer link is not valid.', { reason: 'invalid_offer' });

const offerGone = () =>
  new DomainError(
    'PRECONDITION_FAILED',
    'This time is no longer held for you. Please choose another time.',
    { reason: 'hold_expired' },
  );

/** The held time a token names, for the key's practice; no client data. */
export async function describeOffer(
  services: AppServices,
  practiceId: string,
  holdToken: string,
): Promise<OfferView> {
  const row = await services.prisma.appointment.findFirst({
    where: { holdTokenHash: hashToken(holdToken), practiceId },
    select: {
      id: true,
      status: true,
      holdExpiresAt: true,
      appointmentTypeId: true,
      clinicianId: true,
      startsAt: true,
      endsAt: true,
      clinician: { select: { displayName: true } },
      practice: { select: { timezone: true } },
    },
  });
  if (!row) throw invalidOffer();
  const now = services.clock.now();
  if (row.status !== 'held' || !row.holdExpiresAt || row.holdExpiresAt <= now) throw offerGone();
  return {
    holdId: row.id,
    appointmentTypeId: row.appointmentTypeId,
    clinicianId: row.clinicianId,
    clinicianName: row.clinician.displayName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsAtPractice: zoneRules(row.practice.timezone).formatLocal(row.startsAt.getTime()),
    practiceTimeZone: row.practice.timezone,
    expiresAt: row.holdExpiresAt.toISOString(),
  };
}

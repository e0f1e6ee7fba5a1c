// The console's payments table: newest first, keyset-paged on (createdAt,
// id) with the position inside an opaque cursor (Prisma's `cursor` would
// look the row up outside our tenant filter). The client's name is PHI:
// only first and last name are decrypted, and the read is audited.
import type { z } from 'zod';
import { DomainError } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import type { Context } from '../../trpc/context.js';
import type { StaffPrincipal } from '../auth/staff-session.js';
import type { listPaymentsInput } from './payments.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'cursor' });
  }
  return { createdAt, id };
}

export async function listPayments(
  ctx: Context & { staff: StaffPrincipal },
  input: z.infer<typeof listPaymentsInput>,
) {
  const { practiceId } = ctx.staff;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.db.payment.findMany({
    where: {
      practiceId,
      ...(input.status && { status: input.status }),
      ...((input.from || input.to) && {
        createdAt: { ...(input.from && { gte: input.from }), ...(input.to && { lt: input.to }) },
      }),
      ...(after && {
        OR: [
          { createdAt: { lt: after.createdAt } },
          { createdAt: after.createdAt, id: { lt: after.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      amountCents: true,
      refundedCents: true,
      currency: true,
      createdAt: true,
      appointment: {
        select: {
          id: true,
          startsAt: true,
          client: { select: { id: true, firstNameEnc: true, lastNameEnc: true } },
        },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  const { cipher } = ctx.services;
  const items = await Promise.all(
    page.map(async (p) => {
      const c = p.appointment.client;
      return {
        id: p.id,
        kind: p.kind,
        status: p.status,
        amountCents: p.amountCents,
        ...(p.refundedCents > 0 && { refundedCents: p.refundedCents }),
        currency: p.currency,
        createdAt: p.createdAt,
        appointmentId: p.appointment.id,
        appointmentStartsAt: p.appointment.startsAt,
        clientName: c
          ? `${await cipher.decrypt(practiceId, c.firstNameEnc)} ${await cipher.decrypt(practiceId, c.lastNameEnc)}`
          : null,
      };
    }),
  );
  const clientIds = [
    ...new Set(page.flatMap((p) => (p.appointment.client ? [p.appointment.client.id] : []))),
  ];
  await audit(ctx, practiceId, {
    action: 'payment.list',
    objectType: 'Payment',
    detail: { paymentIds: page.map((p) => p.id), clientIds },
  });
  return {
    items,
    nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

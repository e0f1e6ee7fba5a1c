import { DomainError, notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { router, staffProcedure } from '../../trpc/init.js';
import {
  assertGuardian,
  clientRowSelect,
  decryptClient,
  encryptDemographics,
  isMinorOn,
  practiceToday,
} from './client-record.js';
import { clientIdInput, createClientInput, listClientsInput, updateClientInput } from './clients.schema.js';

/** Auditors review logs, not records. */
const readers = { roles: ['owner', 'clinician', 'front_desk', 'biller'] as const, phi: true };
const writers = { roles: ['owner', 'clinician', 'front_desk'] as const, phi: true };

export const clientsRouter = router({
  create: staffProcedure
    .meta(writers)
    .input(createClientInput)
    .mutation(async ({ ctx, input }) => {
      const practiceId = ctx.staff.practiceId;
      const minor = isMinorOn(input.dateOfBirth, await practiceToday(ctx.services, practiceId));
      if (minor && !input.guardianId) {
        throw new DomainError('VALIDATION_FAILED', 'A client under 18 needs a guardian', { field: 'guardianId' });
      }
      if (input.guardianId) await assertGuardian(ctx.services, practiceId, input.guardianId);
      if (input.email) {
        const hash = await ctx.services.cipher.blindIndex(practiceId, input.email);
        const dup = await ctx.db.client.findFirst({ where: { practiceId, emailHash: hash }, select: { id: true } });
        if (dup) throw new DomainError('CONFLICT', 'A client with this e-mail address already exists');
      }
      const row = await ctx.db.client.create({
        data: {
          practiceId,
          ...(await encryptDemographics(ctx.services, practiceId, input)),
          firstNameEnc: await ctx.services.cipher.encrypt(practiceId, input.firstName),
          lastNameEnc: await ctx.services.cipher.encrypt(practiceId, input.lastName),
          isMinor: minor,
          guardianId: input.guardianId ?? null,
        },
        select: { id: true },
      });
      await audit(ctx, practiceId, { action: 'client.create', objectType: 'Client', objectId: row.id });
      return { id: row.id };
    }),

  get: staffProcedure
    .meta(readers)
    .input(clientIdInput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.client.findFirst({
        where: { id: input.clientId, practiceId: ctx.staff.practiceId },
        select: clientRowSelect,
      });
      if (!row) throw notFound('Client');
      await audit(ctx, ctx.staff.practiceId, { action: 'client.read', objectType: 'Client', objectId: row.id });
      return decryptClient(ctx.services, row);
    }),

  list: staffProcedure
    .meta(readers)
    .input(listClientsInput)
    .query(async ({ ctx, input }) => {
      // Keyset pagination inside the tenant: Prisma's `cursor` looks the
      // cursor row up without our where clause, so another practice's client
      // id would page differently from an unknown one (an existence oracle).
      const rows = await ctx.db.client.findMany({
        where: {
          practiceId: ctx.staff.practiceId,
          closedAt: null,
          ...(input.cursor ? { id: { gt: input.cursor } } : {}),
        },
        select: clientRowSelect,
        orderBy: { id: 'asc' },
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      await audit(ctx, ctx.staff.practiceId, {
        action: 'client.list',
        objectType: 'Client',
        detail: { clientIds: page.map((r) => r.id) },
      });
      return {
        items: await Promise.all(page.map((r) => decryptClient(ctx.services, r))),
        nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
      };
    }),

  update: staffProcedure
    .meta(writers)
    .input(updateClientInput)
    .mutation(async ({ ctx, input }) => {
      const practiceId = ctx.staff.practiceId;
      const { clientId, guardianId, ...demographics } = input;
      const existing = await ctx.db.client.findFirst({
        where: { id: clientId, practiceId },
        select: clientRowSelect,
      });
      if (!existing) throw notFound('Client');
      if (guardianId) {
        if (guardianId === clientId) throw new DomainError('VALIDATION_FAILED', 'A client cannot be their own guardian');
        await assertGuardian(ctx.services, practiceId, guardianId);
      }
      const current = await decryptClient(ctx.services, existing);
      const dob = demographics.dateOfBirth ?? current.dateOfBirth;
      const minor = isMinorOn(dob, await practiceToday(ctx.services, practiceId));
      const nextGuardian = guardianId === undefined ? existing.guardianId : guardianId;
      if (minor && !nextGuardian) {
        throw new DomainError('VALIDATION_FAILED', 'A client under 18 needs a guardian', { field: 'guardianId' });
      }
      await ctx.db.client.updateMany({
        where: { id: clientId, practiceId },
        data: {
          ...(await encryptDemographics(ctx.services, practiceId, demographics)),
          isMinor: minor,
          guardianId: nextGuardian,
        },
      });
      await audit(ctx, practiceId, {
        action: 'client.update',
        objectType: 'Client',
        objectId: clientId,
        detail: { fields: Object.keys(input).filter((k) => k !== 'clientId') },
      });
      return { id: clientId };
    }),
});

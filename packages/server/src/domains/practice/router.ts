import { notFound } from '../../errors.js';
import { audit } from '../../audit/audited.js';
import { publicProcedure, router, staffProcedure } from '../../trpc/init.js';
import { newPublishableKey, newSecretKey } from './api-keys.js';
import {
  apiKeyIdInput,
  createApiKeyInput,
  updateAllowedOriginsInput,
  updatePracticeInput,
} from './practice.schema.js';

const apiKeySelect = {
  id: true,
  kind: true,
  publicKey: true,
  label: true,
  allowedOrigins: true,
  revokedAt: true,
  createdAt: true,
} as const;

const owner = { roles: ['owner'] as const };

export const practiceRouter = router({
  /** What a widget needs to render: no PHI, safe for any allowed origin. */
  publicProfile: publicProcedure.query(async ({ ctx }) => {
    const p = await ctx.db.practice.findUnique({
      where: { id: ctx.practice.id },
      select: { id: true, name: true, timezone: true, branding: true, features: true },
    });
    if (!p) throw notFound('Practice');
    return p;
  }),

  settings: staffProcedure.query(async ({ ctx }) => {
    const p = await ctx.db.practice.findUnique({
      where: { id: ctx.staff.practiceId },
      select: { id: true, slug: true, name: true, timezone: true, branding: true, features: true },
    });
    if (!p) throw notFound('Practice');
    return p;
  }),

  update: staffProcedure
    .meta(owner)
    .input(updatePracticeInput)
    .mutation(async ({ ctx, input }) => {
      const p = await ctx.db.practice.update({
        where: { id: ctx.staff.practiceId },
        data: input,
        select: { id: true, name: true, timezone: true, branding: true },
      });
      await audit(ctx, ctx.staff.practiceId, {
        action: 'practice.update',
        objectType: 'Practice',
        objectId: p.id,
        detail: { fields: Object.keys(input) },
      });
      return p;
    }),

  apiKeys: router({
    list: staffProcedure.meta(owner).query(({ ctx }) =>
      ctx.db.apiKey.findMany({
        where: { practiceId: ctx.staff.practiceId },
        select: apiKeySelect,
        orderBy: { createdAt: 'asc' },
      }),
    ),

    create: staffProcedure
      .meta(owner)
      .input(createApiKeyInput)
      .mutation(async ({ ctx, input }) => {
        const secret = input.kind === 'secret' ? newSecretKey() : null;
        const key = await ctx.db.apiKey.create({
          data: {
            practiceId: ctx.staff.practiceId,
            kind: input.kind,
            label: input.label,
            allowedOrigins: input.kind === 'publishable' ? input.allowedOrigins : [],
            publicKey: input.kind === 'publishable' ? newPublishableKey() : null,
            secretHash: secret?.secretHash ?? null,
          },
          select: apiKeySelect,
        });
        await audit(ctx, ctx.staff.practiceId, {
          action: 'api_key.create',
          objectType: 'ApiKey',
          objectId: key.id,
          detail: { kind: input.kind },
        });
        return { ...key, secret: secret?.secret ?? null };
      }),

    setAllowedOrigins: staffProcedure
      .meta(owner)
      .input(updateAllowedOriginsInput)
      .mutation(async ({ ctx, input }) => {
        const r = await ctx.db.apiKey.updateMany({
          where: { id: input.apiKeyId, practiceId: ctx.staff.practiceId, kind: 'publishable' },
          data: { allowedOrigins: input.allowedOrigins },
        });
        if (!r.count) throw notFound('API key');
        await audit(ctx, ctx.staff.practiceId, {
          action: 'api_key.set_origins',
          objectType: 'ApiKey',
          objectId: input.apiKeyId,
          detail: { origins: input.allowedOrigins.length },
        });
        return { ok: true as const };
      }),

    revoke: staffProcedure
      .meta(owner)
      .input(apiKeyIdInput)
      .mutation(async ({ ctx, input }) => {
        const r = await ctx.db.apiKey.updateMany({
          where: { id: input.apiKeyId, practiceId: ctx.staff.practiceId, revokedAt: null },
          data: { revokedAt: ctx.services.clock.now() },
        });
        if (!r.count) throw notFound('API key');
        await audit(ctx, ctx.staff.practiceId, {
          action: 'api_key.revoke',
          objectType: 'ApiKey',
          objectId: input.apiKeyId,
        });
        return { ok: true as const };
      }),
  }),
});

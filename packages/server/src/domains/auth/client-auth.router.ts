// Client (patient) e-mail verification for the widgets, mounted as `clientAuth`.
// The practice comes from the publishable key, never from input.
import { publicProcedure, router } from '../../trpc/init.js';
import { requestCodeInput, verifyCodeInput, verifyLinkInput } from './client-auth.schema.js';
import { requestClientCode, verifyClientCode, verifyClientLink } from './client-verification.handler.js';

export const clientAuthRouter = router({
  requestCode: publicProcedure.input(requestCodeInput).mutation(({ ctx, input }) => requestClientCode(ctx, input.email, input.linkUrl)),
  verifyCode: publicProcedure
    .input(verifyCodeInput)
    .mutation(({ ctx, input }) => verifyClientCode(ctx, input.email, input.code)),
  verifyLink: publicProcedure.input(verifyLinkInput).mutation(({ ctx, input }) => verifyClientLink(ctx, input.token)),
});

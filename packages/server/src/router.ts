import { router } from './trpc/init.js';
import { practiceRouter } from './domains/practice/router.js';
import { clientsRouter } from './domains/clients/router.js';
import { authRouter } from './domains/auth/router.js';
import { clientAuthRouter } from './domains/auth/client-auth.router.js';

export const appRouter = router({
  practice: practiceRouter,
  clients: clientsRouter,
  auth: authRouter,
  clientAuth: clientAuthRouter,
});

export type AppRouter = typeof appRouter;

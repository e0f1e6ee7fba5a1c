import { router } from './trpc/init.js';
import { practiceRouter } from './domains/practice/router.js';
import { clientsRouter } from './domains/clients/router.js';

export const appRouter = router({
  practice: practiceRouter,
  clients: clientsRouter,
});

export type AppRouter = typeof appRouter;

import { router } from './trpc/init.js';
import { practiceRouter } from './domains/practice/router.js';
import { clientsRouter } from './domains/clients/router.js';
import { bookingRouter } from './domains/booking/router.js';
import { authRouter } from './domains/auth/router.js';
import { clientAuthRouter } from './domains/auth/client-auth.router.js';
import { intakeRouter } from './domains/intake/router.js';
import { paymentsRouter } from './domains/payments/router.js';

export const appRouter = router({
  practice: practiceRouter,
  clients: clientsRouter,
  booking: bookingRouter,
  auth: authRouter,
  clientAuth: clientAuthRouter,
  intake: intakeRouter,
  payments: paymentsRouter,
});

export type AppRouter = typeof appRouter;

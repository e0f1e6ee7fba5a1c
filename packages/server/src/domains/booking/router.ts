// booking.*: public widget procedures at the top level, staff editors under
// `admin`, the staff calendar under `appointments`.
import { router } from '../../trpc/init.js';
import { bookingPublicProcedures } from './public-router.js';
import { appointmentTypesAdminRouter } from './appointment-types-router.js';
import { scheduleAdminRouter } from './schedule-router.js';
import { appointmentsRouter } from './appointments-router.js';
import { bookingManageRouter } from './manage-router.js';
import { bookingWaitlistRouter } from './waitlist-router.js';

export const bookingRouter = router({
  ...bookingPublicProcedures,
  admin: router({
    appointmentTypes: appointmentTypesAdminRouter,
    schedule: scheduleAdminRouter,
  }),
  appointments: appointmentsRouter,
  manage: bookingManageRouter,
  waitlist: bookingWaitlistRouter,
});

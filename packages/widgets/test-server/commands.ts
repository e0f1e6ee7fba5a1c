// Operations the browser tests ask for through
// `executeServerCommand('tcrm-server', { op, ... })`. They act on the real
// server's database and services; none of them fakes a response.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { App } from '../../server/src/app.js';
import { createStaff, submitIntake, type Fixture, type StaffRole } from './seed.js';
import { publishSeedForm } from '../../server/src/domains/intake/demo-form.js';
import { bookingFixture, expireHold } from './booking-seed.js';
import { probeType, retireType, waitlistEntries, waitlistOffer } from './offer-seed.js';
import {
  appointmentState,
  expiredManageToken,
  managedBooking,
  type ManagedBookingRequest,
} from './manage-seed.js';

// otplib is the server's dependency, not the widgets': load it from there.
const serverRequire = createRequire(new URL('../../server/package.json', import.meta.url));
const otplib = (await import(
  pathToFileURL(serverRequire.resolve('otplib')).href
)) as typeof import('otplib');

const PERIOD = 30;

export type Command =
  | { op: 'fixture' }
  | { op: 'createStaff'; role?: StaffRole; enrolled?: boolean; secondPractice?: boolean }
  | { op: 'totp'; secret: string }
  | { op: 'submit'; firstName: string; lastName: string }
  | { op: 'expireSessions'; email: string }
  /** Stores a scorer result on a submission, as a scoring plugin would. */
  | { op: 'setScore'; submissionId: string; score: unknown }
  /** Publishes a form under `key` once (the intake-form tests' own definitions). */
  | { op: 'publishForm'; key: string; definition: unknown }
  /** Clinicians with weekly hours and appointment types, built once (booking-seed.ts). */
  | { op: 'bookingFixture' }
  | { op: 'expireHold'; holdId: string }
  /** Waitlist offers and entries, a type to retire (offer-seed.ts). */
  | { op: 'waitlistOffer'; appointmentTypeId: string }
  | { op: 'waitlistEntries'; appointmentTypeId: string; email: string }
  | { op: 'probeType' }
  | { op: 'retireType'; typeId: string }
  /** A booked appointment and its manage link (manage-seed.ts). */
  | ({ op: 'managedBooking' } & ManagedBookingRequest)
  | { op: 'expiredManageToken'; appointmentId: string; startsAt: string }
  | { op: 'appointmentState'; appointmentId: string };

export function commandHandler(app: App, fixture: Fixture) {
  // The server accepts each time step once per account (codes are
  // single-use) and ±1 step around now: hand out each step once per secret,
  // taking the next one early and waiting only when both are used.
  const lastStep = new Map<string, number>();
  async function totp(secret: string): Promise<string> {
    for (;;) {
      const current = Math.floor(Date.now() / 1000 / PERIOD);
      const step = Math.max(current, (lastStep.get(secret) ?? 0) + 1);
      if (step <= current + 1) {
        lastStep.set(secret, step);
        return otplib.generate({ secret, epoch: step * PERIOD, period: PERIOD });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  return async (command: Command): Promise<unknown> => {
    const { services } = app;
    switch (command.op) {
      case 'fixture':
        return fixture;
      case 'createStaff':
        return createStaff(
          services,
          fixture.practiceId,
          command.role ?? 'owner',
          command.enrolled ?? true,
          command.secondPractice ?? false,
        );
      case 'totp':
        return totp(command.secret);
      case 'submit':
        return {
          submissionId: await submitIntake(
            services,
            fixture.publishableKey,
            fixture.formVersionId,
            command,
          ),
        };
      case 'expireSessions': {
        // Moves the user's live sessions' last activity past the idle limit;
        // the server's own check then ends them on the next request.
        const user = await services.prisma.staffUser.findUniqueOrThrow({
          where: { email: command.email },
          select: { id: true },
        });
        const past = new Date(
          services.clock.now().getTime() - services.config.staffIdleTimeoutMs - 60_000,
        );
        const { count } = await services.prisma.session.updateMany({
          where: { staffUserId: user.id, revokedAt: null },
          data: { lastSeenAt: past },
        });
        return { count };
      }
      case 'setScore':
        await services.prisma.intakeSubmission.update({
          where: { id: command.submissionId },
          data: { score: command.score as object },
          select: { id: true },
        });
        return { ok: true };
      case 'publishForm':
        // A retried command (wtr's 20 s limit while the server starts) may race its first try.
        await publishSeedForm(services, fixture.practiceId, fixture.owner.userId, {
          key: command.key,
          title: command.key,
          definition: command.definition,
        }).catch((error: unknown) => {
          if (
            !/unique constraint|P2002/.test(`${(error as { code?: string }).code} ${String(error)}`)
          )
            throw error;
        });
        return { publishableKey: fixture.publishableKey };
      case 'bookingFixture':
        return bookingFixture(app, fixture);
      case 'expireHold':
        return expireHold(app, command.holdId);
      case 'waitlistOffer':
        return waitlistOffer(app, fixture, command.appointmentTypeId);
      case 'waitlistEntries':
        return waitlistEntries(app, fixture, command.appointmentTypeId, command.email);
      case 'probeType':
        return probeType(app, fixture);
      case 'retireType':
        return retireType(app, fixture, command.typeId);
      case 'managedBooking':
        return managedBooking(app, fixture, command);
      case 'expiredManageToken':
        return { token: expiredManageToken(app, command.appointmentId, command.startsAt) };
      case 'appointmentState':
        return appointmentState(app, command.appointmentId);
      default:
        throw new Error(`Unknown test-server op: ${(command as { op: string }).op}`);
    }
  };
}

// The real server for the paid-booking flow: createApp on a fresh PostgreSQL
// database with its durable job worker running (as `start` runs it), e-mail
// through a real SMTP server on loopback, and the official Stripe SDK
// pointed at the loopback Stripe fake, whose hosted-checkout page delivers
// the signed webhook back over HTTP. PUBLIC_URL is the server's own
// address, so e-mailed links open here. The demo practice is seeded as
// `start` seeds it, plus a paid appointment type and every-day hours.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, loadConfig, type App } from '@therapycrm/server';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../packages/server/test/support/database.js';
import { startTestSmtp, type TestSmtp } from '../../packages/server/test/support/smtp.js';
import {
  startStripeFake,
  type StripeFake,
} from '../../packages/server/test/support/stripe-fake-server.js';
import { TEST_STRIPE_KEYS } from '../../packages/server/test/support/stripe-webhooks.js';
import {
  DEMO_SLUG,
  seedDemoPractice,
  type DemoCredentials,
} from '../../packages/server/src/domains/practice/seed-demo.js';

/** The paid type the client books: a deposit up front, free cancellation up to 24 h before. */
export const PAID_TYPE = {
  name: 'First session',
  durationMinutes: 50,
  priceCents: 14_000,
  depositCents: 4_000,
  cancellationWindowHours: 24,
  lateCancelFeeCents: 2_500,
  // Every offered time is outside the late-cancellation window.
  minNoticeMinutes: 2 * 1440,
  slotIntervalMinutes: 60,
} as const;

/** A throwaway certificate for 127.0.0.1 (the browser context is told to accept it). */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'checkout.crt');
  const key = path.join(dir, 'checkout.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
      .concat(['-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'])
      .concat(['-keyout', key, '-out', cert]),
    { stdio: 'ignore' },
  );
  return { cert: fs.readFileSync(cert, 'utf8'), key: fs.readFileSync(key, 'utf8') };
}

export interface BookingServer {
  url: string;
  app: App;
  database: TestDatabase;
  smtp: TestSmtp;
  stripe: StripeFake;
  demo: DemoCredentials;
  practiceId: string;
  clinicianId: string;
  paidTypeId: string;
  close(): Promise<void>;
}

export async function startBookingServer(): Promise<BookingServer> {
  const [database, smtp, stripe] = await Promise.all([
    createTestDatabase('tcrm_e2e_booking'),
    startTestSmtp(),
    startStripeFake(),
  ]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-e2e-booking-'));
  // Listen first: the configuration needs the public URL for e-mailed links.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    PUBLIC_URL: url,
    LOG_LEVEL: 'silent',
    APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0002',
    SEED_DEMO: 'false',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Harbor Light Counseling <no-reply@harbor-light.test>',
    ...TEST_STRIPE_KEYS,
    STRIPE_API_BASE: stripe.url,
  });
  const app = await createApp(config);
  server.on('request', app.express);
  const demo = await seedDemoPractice(app.services, [url]);
  if (!demo) throw new Error('the demo practice already existed in a fresh database');
  await stripe.serveCheckoutPage({
    webhookBase: url,
    secret: TEST_STRIPE_KEYS.STRIPE_WEBHOOK_SECRET,
    tls: selfSignedCertificate(dataDir),
  });

  const db = app.services.prisma;
  const practice = await db.practice.findUniqueOrThrow({
    where: { slug: DEMO_SLUG },
    select: { id: true },
  });
  const clinician = await db.staffUser.findFirstOrThrow({
    where: { email: demo.clinician.email },
    select: { id: true },
  });
  // Mon–Sun 08:00–18:00 practice time, so a week always has times (replacing
  // the demo seed's weekday hours, as the console's hours editor would).
  await db.$transaction([
    db.weeklyHours.deleteMany({ where: { practiceId: practice.id, clinicianId: clinician.id } }),
    db.weeklyHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        practiceId: practice.id,
        clinicianId: clinician.id,
        weekday,
        startMinute: 8 * 60,
        endMinute: 18 * 60,
      })),
    }),
  ]);
  const type = await db.appointmentType.create({
    data: {
      practiceId: practice.id,
      modality: 'telehealth',
      bookingMode: 'instant',
      clientEligibility: 'any',
      maxHorizonDays: 60,
      ...PAID_TYPE,
    },
    select: { id: true },
  });
  app.services.jobs.start(200);

  return {
    url,
    app,
    database,
    smtp,
    stripe,
    demo,
    practiceId: practice.id,
    clinicianId: clinician.id,
    paidTypeId: type.id,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await Promise.all([smtp.close(), stripe.close()]);
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

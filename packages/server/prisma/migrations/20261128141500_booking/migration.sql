-- CreateEnum
CREATE TYPE "AppointmentModality" AS ENUM ('in_person', 'telehealth');

-- CreateEnum
CREATE TYPE "ClientEligibility" AS ENUM ('any', 'new_only', 'existing_only');

-- CreateEnum
CREATE TYPE "BookingMode" AS ENUM ('instant', 'request');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('held', 'requested', 'confirmed', 'cancelled', 'expired');

-- CreateTable
CREATE TABLE "AppointmentType" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "modality" "AppointmentModality" NOT NULL,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "depositCents" INTEGER NOT NULL DEFAULT 0,
    "clientEligibility" "ClientEligibility" NOT NULL DEFAULT 'any',
    "bookingMode" "BookingMode" NOT NULL DEFAULT 'instant',
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "minNoticeMinutes" INTEGER NOT NULL DEFAULT 1440,
    "maxHorizonDays" INTEGER NOT NULL DEFAULT 60,
    "slotIntervalMinutes" INTEGER NOT NULL DEFAULT 30,
    "dailyCap" INTEGER,
    "cancellationWindowHours" INTEGER NOT NULL DEFAULT 24,
    "lateCancelFeeCents" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppointmentType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyHours" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "WeeklyHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DateOverride" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,

    CONSTRAINT "DateOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeOff" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "appointmentTypeId" UUID NOT NULL,
    "clientId" UUID,
    "status" "AppointmentStatus" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedFrom" TIMESTAMPTZ(3) NOT NULL,
    "blockedTo" TIMESTAMPTZ(3) NOT NULL,
    "holdTokenHash" TEXT,
    "holdExpiresAt" TIMESTAMPTZ(3),
    "clientTimeZone" TEXT,
    "cancelReason" TEXT,
    "requestedAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppointmentType_practiceId_idx" ON "AppointmentType"("practiceId");

-- CreateIndex
CREATE INDEX "WeeklyHours_practiceId_clinicianId_idx" ON "WeeklyHours"("practiceId", "clinicianId");

-- CreateIndex
CREATE INDEX "WeeklyHours_clinicianId_idx" ON "WeeklyHours"("clinicianId");

-- CreateIndex
CREATE INDEX "DateOverride_practiceId_clinicianId_date_idx" ON "DateOverride"("practiceId", "clinicianId", "date");

-- CreateIndex
CREATE INDEX "DateOverride_clinicianId_date_idx" ON "DateOverride"("clinicianId", "date");

-- CreateIndex
CREATE INDEX "TimeOff_practiceId_clinicianId_startsAt_idx" ON "TimeOff"("practiceId", "clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "TimeOff_clinicianId_startsAt_idx" ON "TimeOff"("clinicianId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_holdTokenHash_key" ON "Appointment"("holdTokenHash");

-- CreateIndex
CREATE INDEX "Appointment_practiceId_startsAt_idx" ON "Appointment"("practiceId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_clinicianId_startsAt_idx" ON "Appointment"("clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_clientId_idx" ON "Appointment"("clientId");

-- AddForeignKey
ALTER TABLE "AppointmentType" ADD CONSTRAINT "AppointmentType_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateOverride" ADD CONSTRAINT "DateOverride_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateOverride" ADD CONSTRAINT "DateOverride_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeOff" ADD CONSTRAINT "TimeOff_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeOff" ADD CONSTRAINT "TimeOff_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_appointmentTypeId_fkey" FOREIGN KEY ("appointmentTypeId") REFERENCES "AppointmentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ── Hand-written (not expressible in schema.prisma) ─────────────────────────

-- Exactly one active booking per clinician per instant, across every server
-- process: held, requested and confirmed rows may not overlap on their
-- buffered range. '[)' bounds let back-to-back appointments touch.
-- A 'held' row past holdExpiresAt still sits in this index until someone
-- flips it to 'expired'; booking/hold-slot.ts does that in the same
-- transaction, just before its INSERT, for the clinician and range it claims,
-- so an expired hold never blocks and no sweeper has to race anybody.
-- The GiST index behind this constraint also serves availability's range
-- query (clinician = $1 AND range && window), so its cost follows the
-- appointments inside the window, not the size of the table.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_no_overlap"
  EXCLUDE USING gist ("clinicianId" WITH =, tstzrange("blockedFrom", "blockedTo") WITH &&)
  WHERE (status IN ('held', 'requested', 'confirmed'));

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_times_ordered"
  CHECK ("blockedFrom" <= "startsAt" AND "startsAt" < "endsAt" AND "endsAt" <= "blockedTo");
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_hold_expires"
  CHECK (status <> 'held' OR "holdExpiresAt" IS NOT NULL);

ALTER TABLE "AppointmentType" ADD CONSTRAINT "AppointmentType_ranges" CHECK (
  "durationMinutes" BETWEEN 5 AND 720
  AND "slotIntervalMinutes" BETWEEN 5 AND 720
  AND "bufferBeforeMinutes" BETWEEN 0 AND 240
  AND "bufferAfterMinutes" BETWEEN 0 AND 240
  AND "minNoticeMinutes" >= 0
  AND "maxHorizonDays" BETWEEN 1 AND 730
  AND ("dailyCap" IS NULL OR "dailyCap" >= 1)
  AND "priceCents" >= 0 AND "depositCents" BETWEEN 0 AND "priceCents"
  AND "cancellationWindowHours" >= 0 AND "lateCancelFeeCents" >= 0
);

ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_ranges"
  CHECK ("weekday" BETWEEN 1 AND 7 AND "startMinute" >= 0 AND "startMinute" < "endMinute" AND "endMinute" <= 1440);

-- Both minutes null = unavailable all day; both set = custom hours.
ALTER TABLE "DateOverride" ADD CONSTRAINT "DateOverride_ranges" CHECK (
  ("startMinute" IS NULL AND "endMinute" IS NULL)
  OR ("startMinute" >= 0 AND "startMinute" < "endMinute" AND "endMinute" <= 1440)
);

ALTER TABLE "TimeOff" ADD CONSTRAINT "TimeOff_ordered" CHECK ("startsAt" < "endsAt");

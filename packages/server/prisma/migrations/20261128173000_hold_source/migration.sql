-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "holdSourceHash" TEXT;

-- CreateIndex
CREATE INDEX "Appointment_practiceId_holdSourceHash_idx" ON "Appointment"("practiceId", "holdSourceHash");


-- CreateEnum
CREATE TYPE "IntakeFormStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "IntakeSubmissionStatus" AS ENUM ('new', 'reviewed');

-- CreateTable
CREATE TABLE "IntakeForm" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "IntakeFormStatus" NOT NULL DEFAULT 'draft',
    "currentVersionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntakeForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeFormVersion" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeFormVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeDraft" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "formVersionId" UUID NOT NULL,
    "resumeTokenHash" TEXT NOT NULL,
    "answersEnc" TEXT,
    "pageId" TEXT,
    "clientSessionId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntakeDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeSubmission" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "formVersionId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "answersEnc" TEXT NOT NULL,
    "status" "IntakeSubmissionStatus" NOT NULL DEFAULT 'new',
    "identityVerified" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT NOT NULL,
    "score" JSONB,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,

    CONSTRAINT "IntakeSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "ownerType" TEXT NOT NULL,
    "ownerId" UUID,
    "fieldId" TEXT,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileNameEnc" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeForm_currentVersionId_key" ON "IntakeForm"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeForm_practiceId_key_key" ON "IntakeForm"("practiceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeFormVersion_formId_version_key" ON "IntakeFormVersion"("formId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeDraft_resumeTokenHash_key" ON "IntakeDraft"("resumeTokenHash");

-- CreateIndex
CREATE INDEX "IntakeDraft_practiceId_expiresAt_idx" ON "IntakeDraft"("practiceId", "expiresAt");

-- CreateIndex
CREATE INDEX "IntakeSubmission_practiceId_status_submittedAt_idx" ON "IntakeSubmission"("practiceId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "IntakeSubmission_clientId_idx" ON "IntakeSubmission"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeSubmission_practiceId_idempotencyKey_key" ON "IntakeSubmission"("practiceId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_practiceId_ownerType_ownerId_idx" ON "StoredFile"("practiceId", "ownerType", "ownerId");

-- AddForeignKey
ALTER TABLE "IntakeForm" ADD CONSTRAINT "IntakeForm_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeForm" ADD CONSTRAINT "IntakeForm_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "IntakeFormVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeFormVersion" ADD CONSTRAINT "IntakeFormVersion_formId_fkey" FOREIGN KEY ("formId") REFERENCES "IntakeForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeDraft" ADD CONSTRAINT "IntakeDraft_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeDraft" ADD CONSTRAINT "IntakeDraft_formVersionId_fkey" FOREIGN KEY ("formVersionId") REFERENCES "IntakeFormVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeSubmission" ADD CONSTRAINT "IntakeSubmission_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeSubmission" ADD CONSTRAINT "IntakeSubmission_formVersionId_fkey" FOREIGN KEY ("formVersionId") REFERENCES "IntakeFormVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeSubmission" ADD CONSTRAINT "IntakeSubmission_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Hand-written: things the Prisma schema cannot express.
-- ---------------------------------------------------------------------------

-- A published form version is what submissions were answered against: it may
-- never change or disappear (drafts may still be edited until published).
CREATE OR REPLACE FUNCTION intake_form_version_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD."publishedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'IntakeFormVersion is immutable once published' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "IntakeFormVersion_immutable_once_published"
  BEFORE UPDATE OR DELETE ON "IntakeFormVersion"
  FOR EACH ROW EXECUTE FUNCTION intake_form_version_immutable();

-- CreateEnum
CREATE TYPE "PaymentCollectionMethod" AS ENUM ('cash', 'card_in_office', 'check', 'other');

-- AlterEnum
ALTER TYPE "PaymentStatus" ADD VALUE 'waived';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "collectionMethod" "PaymentCollectionMethod",
ADD COLUMN     "waiveReasonEnc" TEXT,
ADD COLUMN     "waivedAt" TIMESTAMPTZ(3);


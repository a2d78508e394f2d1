-- AlterTable
-- Pages stored before labels were plain pages: each one's label is its number.
ALTER TABLE "Page" ADD COLUMN     "label" TEXT;
UPDATE "Page" SET "label" = CAST("number" AS TEXT);
ALTER TABLE "Page" ALTER COLUMN "label" SET NOT NULL;

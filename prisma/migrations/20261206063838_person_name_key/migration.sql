-- AlterTable
ALTER TABLE "Person" ADD COLUMN "nameKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Person_nameKey_key" ON "Person"("nameKey");


-- Filled at the next start (src/loader/name-keys.ts): the fold to simplified characters is the
-- character table of src/ingest/traditional.ts, which SQL does not have.

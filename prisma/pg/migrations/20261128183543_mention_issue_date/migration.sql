-- DropIndex
DROP INDEX "Mention_personId_idx";

-- AlterTable
ALTER TABLE "Mention" ADD COLUMN     "issueDate" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Mention_personId_normalisedTitle_title_issueDate_idx" ON "Mention"("personId", "normalisedTitle", "title", "issueDate");


-- Backfill: each mention takes its article's issue date.
UPDATE "Mention" SET "issueDate" = (SELECT "issueDate" FROM "Article" WHERE "Article"."id" = "Mention"."articleId");

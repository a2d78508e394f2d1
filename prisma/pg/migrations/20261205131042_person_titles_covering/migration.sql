-- DropIndex
DROP INDEX "Mention_personId_normalisedTitle_title_issueDate_idx";

-- CreateIndex
CREATE INDEX "Mention_personId_normalisedTitle_title_issueDate_id_idx" ON "Mention"("personId", "normalisedTitle", "title", "issueDate", "id");


-- DropIndex
DROP INDEX "Article_issueDate_pageNumber_position_idx";

-- CreateIndex
CREATE INDEX "Article_issueDate_pageNumber_position_id_idx" ON "Article"("issueDate" DESC, "pageNumber", "position", "id");

-- CreateIndex
CREATE INDEX "Mention_personId_issueDate_id_idx" ON "Mention"("personId", "issueDate" DESC, "id");


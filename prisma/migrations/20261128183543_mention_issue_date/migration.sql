-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "title" TEXT,
    "normalisedTitle" TEXT,
    "position" INTEGER NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    "titleStart" INTEGER,
    "titleEnd" INTEGER,
    "issueDate" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Mention" ("articleId", "id", "normalisedTitle", "personId", "position", "spanEnd", "spanStart", "title", "titleEnd", "titleStart") SELECT "articleId", "id", "normalisedTitle", "personId", "position", "spanEnd", "spanStart", "title", "titleEnd", "titleStart" FROM "Mention";
DROP TABLE "Mention";
ALTER TABLE "new_Mention" RENAME TO "Mention";
CREATE INDEX "Mention_personId_normalisedTitle_title_issueDate_idx" ON "Mention"("personId", "normalisedTitle", "title", "issueDate");
CREATE INDEX "Mention_normalisedTitle_idx" ON "Mention"("normalisedTitle");
CREATE UNIQUE INDEX "Mention_articleId_personId_key" ON "Mention"("articleId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: each mention takes its article's issue date.
UPDATE "Mention" SET "issueDate" = (SELECT "issueDate" FROM "Article" WHERE "Article"."id" = "Mention"."articleId");

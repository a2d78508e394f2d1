-- CreateTable
CREATE TABLE "ArticleSearch" (
    "key" BIGINT NOT NULL PRIMARY KEY,
    "articleId" INTEGER NOT NULL,
    CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL DEFAULT '',
    "mentionCount" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Person" ("id", "name") SELECT "id", "name" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");
CREATE INDEX "Person_pinyin_idx" ON "Person"("pinyin");
CREATE INDEX "Person_mentionCount_idx" ON "Person"("mentionCount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ArticleSearch_articleId_key" ON "ArticleSearch"("articleId");


-- Hand-written below: what Prisma's schema cannot express (Prisma's diff does not see it).

-- People named before this migration: their mention counts (pinyin and search rows need
-- JavaScript and are filled in by the start-up backfill, src/search/backfill.ts).
UPDATE "Person" SET "mentionCount" = (SELECT COUNT(*) FROM "Mention" WHERE "Mention"."personId" = "Person"."id");

-- The FTS5 table "ArticleSearchText" is not created here: Prisma's diff would see it and its
-- shadow tables and try to drop them. src/db/search-table.ts creates it after the migrations.

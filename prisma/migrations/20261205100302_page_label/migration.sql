-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Page" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "section" TEXT,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Pages stored before labels were plain pages: each one's label is its number.
INSERT INTO "new_Page" ("id", "ingestedAt", "issueId", "number", "label", "parserVersion", "section", "text", "textHash") SELECT "id", "ingestedAt", "issueId", "number", CAST("number" AS TEXT), "parserVersion", "section", "text", "textHash" FROM "Page";
DROP TABLE "Page";
ALTER TABLE "new_Page" RENAME TO "Page";
CREATE UNIQUE INDEX "Page_issueId_number_key" ON "Page"("issueId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Hand-written below: search keys give the page 12 bits instead of 9, for section pages
-- (numbered 1001–3599): key = day × 2^35 + (4095 − page) × 2^23 + …, where it was
-- day × 2^32 + (511 − page) × 2^23 + … (src/search/tokens.ts). Every key moves by
-- 7 × 2^32 × (day + 1), which keeps their order; they pass through negative values on the way,
-- so that no key meets another that is not moved yet. The full-text table is keyed by them:
-- it is dropped here and rebuilt from the articles at start-up (src/db/search-table.ts).
DROP TABLE IF EXISTS "ArticleSearchText";
UPDATE "ArticleSearch" SET "key" = -"key" - 1;
UPDATE "ArticleSearch" SET "key" = (-"key" - 1) + 30064771072 * ((-"key" - 1) / 4294967296 + 1);

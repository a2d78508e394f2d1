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


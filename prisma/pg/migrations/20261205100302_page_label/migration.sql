-- AlterTable
-- Pages stored before labels were plain pages: each one's label is its number.
ALTER TABLE "Page" ADD COLUMN     "label" TEXT;
UPDATE "Page" SET "label" = CAST("number" AS TEXT);
ALTER TABLE "Page" ALTER COLUMN "label" SET NOT NULL;

-- Hand-written below: search keys give the page 12 bits instead of 9, for section pages
-- (numbered 1001–3599): key = day × 2^35 + (4095 − page) × 2^23 + …, where it was
-- day × 2^32 + (511 − page) × 2^23 + … (src/search/tokens.ts). Every key moves by
-- 7 × 2^32 × (day + 1), which keeps their order; they pass through negative values on the way,
-- so that no key meets another that is not moved yet. The full-text table is keyed by them:
-- it is dropped here and rebuilt from the articles at start-up (src/db/search-table.ts).
DROP TABLE IF EXISTS "ArticleSearchText";
UPDATE "ArticleSearch" SET "key" = -"key" - 1;
UPDATE "ArticleSearch" SET "key" = (-"key" - 1) + 30064771072 * ((-"key" - 1) / 4294967296 + 1);

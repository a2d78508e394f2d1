-- DropIndex
DROP INDEX "Mention_normalisedTitle_idx";


-- CreateTable
CREATE TABLE "CoMention" (
    "personId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "sharedArticles" INTEGER NOT NULL,

    PRIMARY KEY ("personId", "otherId"),
    CONSTRAINT "CoMention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoMention_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CoMention_otherId_idx" ON "CoMention"("otherId");


-- Written by hand (Prisma's schema holds no triggers): the pairs of the mentions already stored,
-- then triggers that keep them as mentions are added, removed (article cascades included) or moved
-- (mergePeople). The other mentions of the row's article are those with another id: in an AFTER
-- trigger the row itself is already in (INSERT, UPDATE) or already gone (DELETE).
INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
SELECT a."personId", b."personId", COUNT(*) FROM "Mention" a JOIN "Mention" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
 GROUP BY a."personId", b."personId";

CREATE TRIGGER "Mention_coMention_insert" AFTER INSERT ON "Mention" BEGIN
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT NEW."personId", m."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "sharedArticles" + 1;
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT m."personId", NEW."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "sharedArticles" + 1;
END;

CREATE TRIGGER "Mention_coMention_delete" AFTER DELETE ON "Mention" BEGIN
  UPDATE "CoMention" SET "sharedArticles" = "sharedArticles" - 1
   WHERE ("personId" = OLD."personId" AND "otherId" IN (SELECT m."personId" FROM "Mention" m WHERE m."articleId" = OLD."articleId"))
      OR ("otherId" = OLD."personId" AND "personId" IN (SELECT m."personId" FROM "Mention" m WHERE m."articleId" = OLD."articleId"));
  DELETE FROM "CoMention" WHERE ("personId" = OLD."personId" OR "otherId" = OLD."personId") AND "sharedArticles" <= 0;
END;

CREATE TRIGGER "Mention_coMention_update" AFTER UPDATE OF "personId", "articleId" ON "Mention" BEGIN
  UPDATE "CoMention" SET "sharedArticles" = "sharedArticles" - 1
   WHERE ("personId" = OLD."personId" AND "otherId" IN (SELECT m."personId" FROM "Mention" m WHERE m."articleId" = OLD."articleId" AND m."id" <> OLD."id"))
      OR ("otherId" = OLD."personId" AND "personId" IN (SELECT m."personId" FROM "Mention" m WHERE m."articleId" = OLD."articleId" AND m."id" <> OLD."id"));
  DELETE FROM "CoMention" WHERE ("personId" = OLD."personId" OR "otherId" = OLD."personId") AND "sharedArticles" <= 0;
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT NEW."personId", m."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "sharedArticles" + 1;
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT m."personId", NEW."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "sharedArticles" + 1;
END;

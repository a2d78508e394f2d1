-- CreateTable
CREATE TABLE "CoMention" (
    "personId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "sharedArticles" INTEGER NOT NULL,

    CONSTRAINT "CoMention_pkey" PRIMARY KEY ("personId","otherId")
);

-- CreateIndex
CREATE INDEX "CoMention_otherId_idx" ON "CoMention"("otherId");

-- AddForeignKey
ALTER TABLE "CoMention" ADD CONSTRAINT "CoMention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoMention" ADD CONSTRAINT "CoMention_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma's schema holds no triggers): the pairs of the mentions already stored,
-- then a trigger that keeps them as mentions are added, removed (article cascades included) or
-- moved (mergePeople). A BEFORE row trigger, because it sees the rows that earlier rows of the same
-- statement wrote or removed (an AFTER row trigger sees the whole statement done, and would count
-- the pairs of a many-row INSERT twice and those of a many-row DELETE not at all). The other
-- mentions of the row's article are those with another id (the row itself is still there for
-- DELETE and UPDATE, and not yet for INSERT).
INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
SELECT a."personId", b."personId", COUNT(*) FROM "Mention" a JOIN "Mention" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
 GROUP BY a."personId", b."personId";

CREATE FUNCTION "Mention_coMention"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "CoMention" c SET "sharedArticles" = c."sharedArticles" - 1
      FROM "Mention" m
     WHERE m."articleId" = OLD."articleId" AND m."id" <> OLD."id"
       AND ((c."personId" = OLD."personId" AND c."otherId" = m."personId") OR (c."otherId" = OLD."personId" AND c."personId" = m."personId"));
    DELETE FROM "CoMention" WHERE ("personId" = OLD."personId" OR "otherId" = OLD."personId") AND "sharedArticles" <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
    SELECT NEW."personId", m."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
    UNION ALL
    SELECT m."personId", NEW."personId", 1 FROM "Mention" m WHERE m."articleId" = NEW."articleId" AND m."id" <> NEW."id" AND m."personId" <> NEW."personId"
    ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "CoMention"."sharedArticles" + 1;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER "Mention_coMention" BEFORE INSERT OR DELETE OR UPDATE OF "personId", "articleId" ON "Mention"
  FOR EACH ROW EXECUTE FUNCTION "Mention_coMention"();

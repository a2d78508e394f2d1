-- Written by hand (Prisma's schema holds no triggers): "CoMention" kept by statement triggers
-- instead of a row trigger. A page's INSERT of some 40 mentions ran the row trigger's upsert 40
-- times, 1 ms of the server's 12 a page written; a statement trigger counts the pairs of every
-- row the statement changed in one upsert, read from its transition tables. The pairs that change
-- are those with at least one changed mention: counted among the affected articles' mentions as
-- they were before the statement (subtracted) and as they are after it (added). A pair that
-- reaches 0 goes, as before. An article's cascade to its mentions is a statement of its own.
-- The affected articles' mentions are read article by article (a LATERAL subquery kept apart by
-- OFFSET 0): joined or by "articleId" IN (…), the planner, misled by the statistics of a growing
-- table, read every mention (3 ms a page by 300 pages) where the index reads a few.
DROP TRIGGER "Mention_coMention" ON "Mention";
DROP FUNCTION "Mention_coMention"();

CREATE FUNCTION "Mention_coMention_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH "after" AS MATERIALIZED (
    SELECT m.* FROM (SELECT DISTINCT "articleId" FROM added) x CROSS JOIN LATERAL (SELECT "id", "articleId", "personId" FROM "Mention" WHERE "articleId" = x."articleId" OFFSET 0) m
  )
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT a."personId", b."personId", COUNT(*)
    FROM "after" a JOIN "after" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
   WHERE a."id" IN (SELECT "id" FROM added) OR b."id" IN (SELECT "id" FROM added)
   GROUP BY a."personId", b."personId"
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "CoMention"."sharedArticles" + EXCLUDED."sharedArticles";
  RETURN NULL;
END
$$;

CREATE FUNCTION "Mention_coMention_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH "before" AS MATERIALIZED (
    SELECT m.* FROM (SELECT DISTINCT "articleId" FROM removed) x CROSS JOIN LATERAL (SELECT "id", "articleId", "personId" FROM "Mention" WHERE "articleId" = x."articleId" OFFSET 0) m
    UNION ALL
    SELECT "id", "articleId", "personId" FROM removed
  ), pairs AS (
    SELECT a."personId", b."personId" AS "otherId", COUNT(*) AS "shared"
      FROM "before" a JOIN "before" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
     WHERE a."id" IN (SELECT "id" FROM removed) OR b."id" IN (SELECT "id" FROM removed)
     GROUP BY a."personId", b."personId"
  )
  UPDATE "CoMention" c SET "sharedArticles" = c."sharedArticles" - pairs."shared"
    FROM pairs WHERE c."personId" = pairs."personId" AND c."otherId" = pairs."otherId";
  DELETE FROM "CoMention" WHERE "sharedArticles" <= 0 AND "personId" IN (SELECT "personId" FROM removed);
  DELETE FROM "CoMention" WHERE "sharedArticles" <= 0 AND "otherId" IN (SELECT "personId" FROM removed);
  RETURN NULL;
END
$$;

-- Transition tables rule out UPDATE OF a column list: every UPDATE of "Mention" runs this, and
-- one that moves no mention to another article or person changes nothing.
CREATE FUNCTION "Mention_coMention_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM was o JOIN now n ON n."id" = o."id" WHERE n."articleId" <> o."articleId" OR n."personId" <> o."personId") THEN
    RETURN NULL;
  END IF;
  WITH moved AS (
    SELECT o."id", o."articleId" AS "wasArticle", o."personId" AS "wasPerson", n."articleId", n."personId"
      FROM was o JOIN now n ON n."id" = o."id"
     WHERE n."articleId" <> o."articleId" OR n."personId" <> o."personId"
  ), "after" AS MATERIALIZED (
    SELECT m.* FROM (SELECT "articleId" FROM moved UNION SELECT "wasArticle" FROM moved) x CROSS JOIN LATERAL (SELECT "id", "articleId", "personId" FROM "Mention" WHERE "articleId" = x."articleId" OFFSET 0) m
  ), "before" AS (
    SELECT "id", "articleId", "personId" FROM "after" WHERE "id" NOT IN (SELECT "id" FROM moved)
    UNION ALL
    SELECT "id", "wasArticle", "wasPerson" FROM moved
  ), changes AS (
    SELECT a."personId", b."personId" AS "otherId", -COUNT(*) AS "shared"
      FROM "before" a JOIN "before" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
     WHERE a."id" IN (SELECT "id" FROM moved) OR b."id" IN (SELECT "id" FROM moved)
     GROUP BY a."personId", b."personId"
    UNION ALL
    SELECT a."personId", b."personId", COUNT(*)
      FROM "after" a JOIN "after" b ON b."articleId" = a."articleId" AND b."personId" <> a."personId"
     WHERE a."id" IN (SELECT "id" FROM moved) OR b."id" IN (SELECT "id" FROM moved)
     GROUP BY a."personId", b."personId"
  )
  INSERT INTO "CoMention" ("personId", "otherId", "sharedArticles")
  SELECT "personId", "otherId", SUM("shared") FROM changes GROUP BY "personId", "otherId" HAVING SUM("shared") <> 0
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "sharedArticles" = "CoMention"."sharedArticles" + EXCLUDED."sharedArticles";
  DELETE FROM "CoMention" WHERE "sharedArticles" <= 0 AND "personId" IN (SELECT "personId" FROM was);
  DELETE FROM "CoMention" WHERE "sharedArticles" <= 0 AND "otherId" IN (SELECT "personId" FROM was);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Mention_coMention_insert" AFTER INSERT ON "Mention" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION "Mention_coMention_insert"();
CREATE TRIGGER "Mention_coMention_delete" AFTER DELETE ON "Mention" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION "Mention_coMention_delete"();
CREATE TRIGGER "Mention_coMention_update" AFTER UPDATE ON "Mention" REFERENCING OLD TABLE AS was NEW TABLE AS now
  FOR EACH STATEMENT EXECUTE FUNCTION "Mention_coMention_update"();

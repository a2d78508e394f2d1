-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CreditRole" AS ENUM ('REPORTER', 'PHOTOGRAPHER', 'AUTHOR');

-- CreateTable
CREATE TABLE "Publication" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "region" TEXT,
    "province" TEXT,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Page" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "section" TEXT,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "pageId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "issueDate" TEXT NOT NULL,
    "pageNumber" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kicker" TEXT,
    "headline" TEXT,
    "subheadline" TEXT,
    "source" TEXT,
    "dispatch" TEXT,
    "dateline" TEXT,
    "eventDate" TEXT,
    "body" TEXT NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    "continuedFromPage" INTEGER,
    "pickupMarker" TEXT,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL DEFAULT '',
    "mentionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credit" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "CreditRole" NOT NULL,
    "label" TEXT,
    "position" INTEGER NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,

    CONSTRAINT "Credit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "title" TEXT,
    "normalisedTitle" TEXT,
    "position" INTEGER NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    "titleStart" INTEGER,
    "titleEnd" INTEGER,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" SERIAL NOT NULL,
    "pageId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "position" INTEGER NOT NULL,
    "caption" TEXT NOT NULL,
    "photographerId" INTEGER,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,

    CONSTRAINT "Photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Continuation" (
    "id" SERIAL NOT NULL,
    "fromArticleId" INTEGER NOT NULL,
    "toPageNumber" INTEGER NOT NULL,
    "toArticleId" INTEGER,
    "marker" TEXT NOT NULL,

    CONSTRAINT "Continuation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleSearch" (
    "key" BIGINT NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");

-- CreateIndex
CREATE INDEX "Issue_date_idx" ON "Issue"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_publicationId_date_key" ON "Issue"("publicationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Page_issueId_number_key" ON "Page"("issueId", "number");

-- CreateIndex
CREATE INDEX "Article_issueId_pageNumber_position_idx" ON "Article"("issueId", "pageNumber", "position");

-- CreateIndex
CREATE INDEX "Article_issueDate_pageNumber_position_idx" ON "Article"("issueDate", "pageNumber", "position");

-- CreateIndex
CREATE INDEX "Article_eventDate_idx" ON "Article"("eventDate");

-- CreateIndex
CREATE INDEX "Article_source_idx" ON "Article"("source");

-- CreateIndex
CREATE UNIQUE INDEX "Article_pageId_position_key" ON "Article"("pageId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Person_pinyin_idx" ON "Person"("pinyin");

-- CreateIndex
CREATE INDEX "Person_mentionCount_idx" ON "Person"("mentionCount");

-- CreateIndex
CREATE INDEX "Credit_personId_role_idx" ON "Credit"("personId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Credit_articleId_role_personId_key" ON "Credit"("articleId", "role", "personId");

-- CreateIndex
CREATE INDEX "Mention_personId_idx" ON "Mention"("personId");

-- CreateIndex
CREATE INDEX "Mention_normalisedTitle_idx" ON "Mention"("normalisedTitle");

-- CreateIndex
CREATE UNIQUE INDEX "Mention_articleId_personId_key" ON "Mention"("articleId", "personId");

-- CreateIndex
CREATE INDEX "Photo_articleId_idx" ON "Photo"("articleId");

-- CreateIndex
CREATE INDEX "Photo_photographerId_idx" ON "Photo"("photographerId");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_pageId_position_key" ON "Photo"("pageId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Continuation_fromArticleId_key" ON "Continuation"("fromArticleId");

-- CreateIndex
CREATE UNIQUE INDEX "Continuation_toArticleId_key" ON "Continuation"("toArticleId");

-- CreateIndex
CREATE INDEX "Continuation_toPageNumber_idx" ON "Continuation"("toPageNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleSearch_articleId_key" ON "ArticleSearch"("articleId");

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credit" ADD CONSTRAINT "Credit_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credit" ADD CONSTRAINT "Credit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_photographerId_fkey" FOREIGN KEY ("photographerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Continuation" ADD CONSTRAINT "Continuation_fromArticleId_fkey" FOREIGN KEY ("fromArticleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Continuation" ADD CONSTRAINT "Continuation_toArticleId_fkey" FOREIGN KEY ("toArticleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSearch" ADD CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The single row every write increments.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

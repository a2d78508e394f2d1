-- CreateTable
CREATE TABLE "Publication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "region" TEXT,
    "province" TEXT
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicationId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    CONSTRAINT "Issue_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Page" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "section" TEXT,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "Article_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Article_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Credit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "label" TEXT,
    "position" INTEGER NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    CONSTRAINT "Credit_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Credit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mention" (
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
    CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "position" INTEGER NOT NULL,
    "caption" TEXT NOT NULL,
    "photographerId" INTEGER,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    CONSTRAINT "Photo_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Photo_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Photo_photographerId_fkey" FOREIGN KEY ("photographerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Continuation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromArticleId" INTEGER NOT NULL,
    "toPageNumber" INTEGER NOT NULL,
    "toArticleId" INTEGER,
    "marker" TEXT NOT NULL,
    CONSTRAINT "Continuation_fromArticleId_fkey" FOREIGN KEY ("fromArticleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Continuation_toArticleId_fkey" FOREIGN KEY ("toArticleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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


-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);


-- The single row every write increments.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

import { describe, expect, it } from "vitest";
import { withQueries, type Statement } from "../../src/db/writer.ts";
import { insertRows, insertStatements } from "../../src/loader/insert-rows.ts";
import { createTestDatabase, databaseKind } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";
import { data, editorServer, keyFor } from "../editors/support.ts";

const ODD_NAMES = [`"quoted" 'and' \\backslashed\\`, "two\nlines\tand a tab", "a lone surrogate \ud800 in the middle", "  spaced  ", "", "数据"];

describe("the writer's statements", () => {
  it("insertRows stores every string as given, a lone surrogate as U+FFFD, as the driver encodes a bound value", async () => {
    const db = await createTestDatabase();
    const created = await db.writer.transaction((sql) =>
      insertRows<{ id: number; name: string }>(
        sql,
        "Organisation",
        ODD_NAMES.map((name) => ({ name })),
        ["id", "name"],
      ),
    );
    const expected = ODD_NAMES.map((name) => name.replace("\ud800", "\ufffd"));
    expect(created.map((row) => row.name).sort()).toEqual([...expected].sort());
    const stored = await db.reader.organisation.findMany({ orderBy: { id: "asc" }, select: { name: true } });
    expect(stored.map((row) => row.name).sort()).toEqual([...expected].sort());
  });

  it("every other write and read stores and finds a lone surrogate as U+FFFD too, an editor's correction among them", async () => {
    const db = await createTestDatabase();
    await loadSample(db.writer);
    const [organisation] = await db.writer.transaction((sql) => insertRows<{ id: number }>(sql, "Organisation", [{ name: "甲" }], ["id"]));
    await db.writer.transaction((sql) => sql.run(`UPDATE "Organisation" SET "name" = ? WHERE "id" = ?`, ["半个\ud800字", organisation!.id]));
    expect(await db.reader.organisation.findUnique({ where: { id: organisation!.id }, select: { name: true } })).toEqual({ name: "半个\ufffd字" });
    expect(await db.writer.read.get(`SELECT "id" FROM "Organisation" WHERE "name" = ?`, ["半个\ud800字"])).toEqual({ id: organisation!.id });

    const yoga = editorServer(db);
    const editor = await keyFor(db, "desk", "editor");
    const page = await data(yoga, editor, `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) { articles { id } } }`);
    const corrected = await data(yoga, editor, `mutation($id: ID!, $patch: ArticlePatch!) { updateArticle(id: $id, patch: $patch) { article { headline } errors { code } } }`, {
      id: page.page.articles[0].id,
      patch: { headline: "半个\ud800字" },
    });
    expect(corrected.updateArticle).toEqual({ article: { headline: "半个\ufffd字" }, errors: [] });
  });

  it("insertRows keeps a column's NULL and skips the rows that conflict, among themselves too", async () => {
    const db = await createTestDatabase();
    const created = await db.writer.transaction(async (sql) => {
      const [publication] = await insertRows<{ id: number }>(sql, "Publication", [{ slug: "p", name: "P", locale: "zh-CN", region: null, province: null }], ["id"]);
      return insertRows<{ date: string }>(
        sql,
        "Issue",
        ["2024-01-02", "2024-01-02", "2024-01-03"].map((date) => ({ publicationId: publication!.id, date })),
        ["date"],
        ["publicationId", "date"],
      );
    });
    expect(created.map((row) => row.date).sort()).toEqual(["2024-01-02", "2024-01-03"]);
    expect(await db.reader.publication.findMany({ select: { region: true, province: true } })).toEqual([{ region: null, province: null }]);
  });

  it("runTogether writes all of its statements, or none of them when one fails", async () => {
    const db = await createTestDatabase();
    const names = (...list: string[]) => insertStatements(databaseKind(), "Organisation", list.map((name) => ({ name })));
    await db.writer.transaction((sql) => sql.runTogether([...names("甲", "乙"), ...names("丙")]));
    const broken = db.writer.transaction((sql) =>
      sql.runTogether([...names("丁"), { sql: `INSERT INTO "Organisation" ("name") VALUES (?)`, params: [null] }]),
    );
    await expect(broken).rejects.toThrow(/null/i);
    expect((await db.reader.organisation.findMany({ select: { name: true } })).map((row) => row.name).sort()).toEqual(["丙", "乙", "甲"].sort());
  });

  it.runIf(databaseKind() === "postgresql")("prepares a statement on its connection from its second run, and runs it by name after", async () => {
    const db = await createTestDatabase();
    const text = `SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "name" <> ? AND 'writer-statements' <> ?`;
    const prepared = await db.writer.transaction(async (sql) => {
      for (let run = 0; run < 3; run++) await sql.get(text, ["x", "y"]);
      return sql.all<{ statement: string }>(`SELECT "statement" FROM pg_prepared_statements WHERE "statement" LIKE '%writer-statements%' AND "statement" NOT LIKE '%pg_prepared%'`);
    });
    expect(prepared.map((row) => row.statement)).toEqual([text.replace("?", "$1").replace("?", "$2")]);
  });

  it.runIf(databaseKind() === "postgresql")("plans a statement with a list of values each time it runs, never prepared", async () => {
    const db = await createTestDatabase();
    const text = `SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "name" IN (?, ?) AND 'writer-statements-list' <> ''`;
    const prepared = await db.writer.transaction(async (sql) => {
      for (let run = 0; run < 3; run++) await sql.get(text, ["x", "y"]);
      return sql.all(`SELECT "statement" FROM pg_prepared_statements WHERE "statement" LIKE '%writer-statements-list%' AND "statement" NOT LIKE '%pg_prepared%'`);
    });
    expect(prepared).toEqual([]);
  });
});

describe("withQueries (PostgreSQL's runTogether)", () => {
  const insert = (values: number): Statement => ({ sql: `INSERT INTO "T" ("v") VALUES (?)`, params: new Array(values).fill(1) });

  it("leaves one statement as it is", () => {
    expect(withQueries([insert(1)])).toEqual([insert(1)]);
  });

  it("makes several one statement, each a WITH query of it, its values in their order", () => {
    const [combined, ...more] = withQueries([
      { sql: `INSERT INTO "A" ("v") VALUES (?)`, params: [1] },
      { sql: `UPDATE "B" SET "v" = ? WHERE "id" = ?`, params: [2, 3] },
    ]);
    expect(more).toEqual([]);
    expect(combined).toEqual({ sql: `WITH "w0" AS (INSERT INTO "A" ("v") VALUES (?)), "w1" AS (UPDATE "B" SET "v" = ? WHERE "id" = ?) SELECT 1`, params: [1, 2, 3] });
  });

  it("starts another statement before one would bind more than 32,767 values", () => {
    const combined = withQueries([insert(20_000), insert(12_767), insert(1), insert(40_000)]);
    expect(combined.map((statement) => statement.params.length)).toEqual([32_767, 1, 40_000]);
  });
});

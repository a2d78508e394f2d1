import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environmentMarkdown } from "../../src/cli/environment.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { createServer } from "../../src/server/index.ts";
import { createTestDatabase } from "../support/database.ts";
import { execute } from "../support/graphql.ts";
import { SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = createServer(db.reader);

const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("the README", () => {
  it("stays under 10 KB: a page to read, the rest in docs/", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(10_000);
  });

  it("has three example queries, and each runs on the sample edition without an error", async () => {
    expect(examples).toHaveLength(3);
    const [frontPage, person, search] = await Promise.all(examples.map((query) => execute(yoga, query)));
    for (const result of [frontPage, person, search]) expect(result!.errors).toBeUndefined();
    expect(frontPage!.data.issue.pages[0].articles.map((article: { headline: string }) => article.headline)).toEqual(SAMPLE_HEADLINES);
    expect(person!.data.person.articles.totalCount).toBe(3);
    expect(search!.data.search.totalCount).toBeGreaterThan(0);
    expect(search!.data.search.edges[0].node.snippets.length).toBeGreaterThan(0);
  });
});

describe("docs/configuration.md", () => {
  it("holds the environment table that --help prints from (npx tsx scripts/print-environment.ts writes it)", () => {
    const doc = fs.readFileSync(path.join(projectRoot, "docs", "configuration.md"), "utf8");
    expect(doc).toContain(`<!-- environment table: npx tsx scripts/print-environment.ts -->\n${environmentMarkdown()}\n<!-- end of environment table -->`);
  });
});

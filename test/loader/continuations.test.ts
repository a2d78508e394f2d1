import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { PICKUP_PAGE, SAMPLE_HEADLINES, SAMPLE_PAGE } from "../support/sample.ts";
import { ingestPaths } from "../../src/loader/edition-loader.ts";
import { createServer } from "../../src/server/index.ts";
import { query } from "../support/graphql.ts";

const JUMPS = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
  continuationsOut { from { headline } toPageNumber resolved to { headline page { number } continuedFrom { from { headline } } } } } }`;

// The synthetic page 3 picks up five of the six jumps, with shortened headlines, in another order.
const EXPECTED = [
  [SAMPLE_HEADLINES[0], 3, "太忻经济一体化发展协作工作座谈会举行"],
  [SAMPLE_HEADLINES[1], 3, "韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈"],
  [SAMPLE_HEADLINES[2], 3, "张新伟调研督导防汛抗旱和应急救援演练工作"],
  [SAMPLE_HEADLINES[4], 4, null],
  [SAMPLE_HEADLINES[5], 3, "守牢安全底线 筑牢疫情防线"],
  [SAMPLE_HEADLINES[6], 3, "强化太忻一体化经济区生态支撑"],
];

async function jumpsAfterIngesting(order: string[]) {
  const db = await createTestDatabase();
  let resolved = 0;
  for (const file of order) resolved += (await ingestPaths(db.writer, [file])).continuationsResolved;
  const data = await query(createServer(db.reader), JUMPS);
  const rows = data.page.continuationsOut.map((jump: any) => {
    if (jump.to) expect(jump.to.continuedFrom.from.headline).toBe(jump.from.headline);
    if (jump.to) expect(jump.to.page.number).toBe(3);
    expect(jump.resolved).toBe(jump.to !== null);
    return [jump.from.headline, jump.toPageNumber, jump.to?.headline ?? null];
  });
  return { rows, resolved };
}

describe("continuations", () => {
  it("link a jump to its pickup when the jump page is ingested first", async () => {
    const { rows, resolved } = await jumpsAfterIngesting([SAMPLE_PAGE, PICKUP_PAGE]);
    expect(rows).toEqual(EXPECTED);
    expect(resolved).toBe(5);
  });

  it("link a jump to its pickup when the pickup page is ingested first", async () => {
    const { rows, resolved } = await jumpsAfterIngesting([PICKUP_PAGE, SAMPLE_PAGE]);
    expect(rows).toEqual(EXPECTED);
    expect(resolved).toBe(5);
  });

  it("list the jumps into a page on that page, resolved or not", async () => {
    const db = await createTestDatabase();
    await ingestPaths(db.writer, [SAMPLE_PAGE]);
    const data = await query(
      createServer(db.reader),
      `{ issue(publication: "taiyuan-daily", date: "2022-06-03") { page(number: 1) { continuationsOut { toPageNumber } } } }`,
    );
    expect(data.issue.page.continuationsOut).toHaveLength(6);
    await ingestPaths(db.writer, [PICKUP_PAGE]);
    const page3 = await query(
      createServer(db.reader),
      `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 3) { continuationsIn { from { headline } resolved } articles { continuedFromPage } } }`,
    );
    expect(page3.page.continuationsIn).toHaveLength(5);
    expect(page3.page.continuationsIn.every((jump: any) => jump.resolved)).toBe(true);
    expect(page3.page.articles.map((article: any) => article.continuedFromPage)).toEqual([1, 1, 1, 1, 1]);
  });
});

import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";
import { loadSample } from "../support/sample.ts";
import { data, editorServer, keyFor, revisions } from "./support.ts";

const db = await createTestDatabase();
await loadSample(db.writer);
const yoga = editorServer(db);
const EDITOR = await keyFor(db, "desk", "editor");

const FRONT_PAGE = `{ page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
  articles { id kicker headline revisions { action before after actor createdAt } mentions { person { id revisions { action before after actor createdAt } } } } } }`;
const REVISION = "action before after actor createdAt";

describe("reading revisions", () => {
  it("reads the revisions of every article and person of a page in one statement each", async () => {
    const [first] = (await data(yoga, null, FRONT_PAGE)).page.articles;
    await data(yoga, EDITOR, `mutation($id: ID!) { updateArticle(id: $id, patch: { kicker: "要闻" }) { errors { code } } }`, { id: first.id });
    db.resetStatements();
    const page = (await data(yoga, EDITOR, FRONT_PAGE)).page;
    expect(page.articles).toHaveLength(8);
    expect(first.kicker).toBe("共抓发展机遇 共创美好未来");
    expect(revisions(page.articles[0].revisions)).toEqual([{ action: "kicker", actor: "desk", before: "共抓发展机遇 共创美好未来", after: "要闻" }]);
    expect(page.articles.slice(1).every((article: any) => article.revisions.length === 0)).toBe(true);
    const revisionReads = db.statements.filter((sql) => /FROM [`"]?(main|public)?[`"]?\.?[`"]Revision[`"]/.test(sql));
    // One for the articles' revisions, one for the people's, however many of each.
    expect(revisionReads).toHaveLength(2);
  });

  it("answers each mutation of a document with what it wrote, not with what an earlier one read", async () => {
    const person = (await data(yoga, null, `{ person(name: "韦韬") { id } }`)).person;
    const [article] = (await data(yoga, null, FRONT_PAGE)).page.articles;
    const result = await data(
      yoga,
      EDITOR,
      `mutation($person: ID!, $article: ID!) {
        one: renamePerson(id: $person, name: "韦韬甲") { person { revisions { ${REVISION} } } }
        two: renamePerson(id: $person, name: "韦韬") { person { revisions { ${REVISION} } } }
        three: updateArticle(id: $article, patch: { headline: "第一稿" }) { article { revisions { ${REVISION} } } }
        four: updateArticle(id: $article, patch: { headline: "第二稿" }) { article { revisions { ${REVISION} } } }
      }`,
      { person: person.id, article: article.id },
    );
    const renamed = [
      { action: "name", actor: "desk", before: "韦韬", after: "韦韬甲" },
      { action: "name", actor: "desk", before: "韦韬甲", after: "韦韬" },
    ];
    expect(revisions(result.one.person.revisions)).toEqual(renamed.slice(0, 1));
    expect(revisions(result.two.person.revisions)).toEqual(renamed);
    // The kicker was corrected by the test above.
    const kicker = { action: "kicker", actor: "desk", before: "共抓发展机遇 共创美好未来", after: "要闻" };
    const firstDraft = { action: "headline", actor: "desk", before: article.headline, after: "第一稿" };
    expect(revisions(result.three.article.revisions)).toEqual([kicker, firstDraft]);
    expect(revisions(result.four.article.revisions)).toEqual([kicker, firstDraft, { action: "headline", actor: "desk", before: "第一稿", after: "第二稿" }]);
  });

  it("names the key of each change (actor) only to editor and admin keys: null to readers and to requests without a key", async () => {
    const READER = await keyFor(db, "newsroom-reader", "reader");
    const ADMIN = await keyFor(db, "chief", "admin");
    const actors = async (token: string | null) =>
      (await data(yoga, token, FRONT_PAGE)).page.articles[0].revisions.map((revision: { action: string; actor: string | null }) => [revision.action, revision.actor]);
    expect(await actors(null)).toEqual([["kicker", null], ["headline", null], ["headline", null]]);
    expect(await actors(READER)).toEqual([["kicker", null], ["headline", null], ["headline", null]]);
    expect(await actors(EDITOR)).toEqual([["kicker", "desk"], ["headline", "desk"], ["headline", "desk"]]);
    expect(await actors(ADMIN)).toEqual([["kicker", "desk"], ["headline", "desk"], ["headline", "desk"]]);
  });
});

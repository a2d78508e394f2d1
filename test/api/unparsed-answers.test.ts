import { describe, expect, it } from "vitest";
import { answerOf, withExtensions } from "../../src/server/unparsed-answers.ts";

type Written = { stringify: (result: unknown) => string };
const written = (result: object) => (result as Written).stringify(result);

describe("an answer whose data the database wrote as JSON text", () => {
  const TEXT = '{"issue":{"date":"2022-06-03","headline":"a \\"quoted\\" 😀"}}';

  it("is written with that text as it came while nothing has read its data", () => {
    expect(written(answerOf(TEXT))).toBe(`{"data":${TEXT}}`);
  });

  it("keeps the text unread when extensions are added, and writes them after the data", () => {
    const answer = withExtensions(answerOf(TEXT), { cost: { requestedQueryCost: 3 } });
    expect(written(answer)).toBe(`{"data":${TEXT},"extensions":{"cost":{"requestedQueryCost":3}}}`);
    expect(JSON.parse(written(withExtensions(answer, { more: 1 })))).toEqual({ data: JSON.parse(TEXT), extensions: { cost: { requestedQueryCost: 3 }, more: 1 } });
  });

  it("is written from its parsed data once a plugin has read it, with what the plugin changed", () => {
    const answer = answerOf(TEXT);
    (answer.data as { issue: { date: string } }).issue.date = "changed";
    expect(JSON.parse(written(answer)).data.issue.date).toBe("changed");
  });

  it("gives its data to a plugin that copies the answer, and the copy is written whole", () => {
    const copy = { ...answerOf(TEXT), extensions: { hit: false } };
    expect(JSON.parse(JSON.stringify(copy))).toEqual({ data: JSON.parse(TEXT), extensions: { hit: false } });
    expect("stringify" in copy).toBe(false);
  });
});

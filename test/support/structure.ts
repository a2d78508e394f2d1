import { toExpectedShape } from "../../src/ingest/expected-shape.ts";
import { parsePageStructure } from "../../src/ingest/parse-page.ts";

/** The articles of page `text`, its structure only (no people), as page-NN.expected.json shapes them: issued `issueDate`, in no region. */
export function structureOf(text: string, issueDate: string) {
  const page = parsePageStructure(text, { issueDate, region: { city: null, province: null } });
  return toExpectedShape(page, { publication: "x", date: issueDate, pageNumber: 1 }).articles;
}

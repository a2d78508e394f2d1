// Writes the environment table of src/cli/environment.ts into docs/configuration.md, between
// its markers (a test fails when the two differ).
import fs from "node:fs";
import path from "node:path";
import { environmentMarkdown } from "../src/cli/environment.ts";
import { projectRoot } from "../src/lib/paths.ts";

const file = path.join(projectRoot, "docs", "configuration.md");
const text = fs.readFileSync(file, "utf8");
const table = /(<!-- environment table: npx tsx scripts\/print-environment.ts -->)[\s\S]*?(<!-- end of environment table -->)/;
if (!table.test(text)) throw new Error(`${file}: the environment table's markers are missing`);
fs.writeFileSync(file, text.replace(table, (_, start: string, end: string) => `${start}\n${environmentMarkdown()}\n${end}`));

import fs from "node:fs";
import path from "node:path";
import { printSchemaFile } from "../src/schema/print.ts";
import { projectRoot } from "../src/lib/paths.ts";

// Writes schema.graphql, the committed contract that clients and gateways read.
const file = path.join(projectRoot, "schema.graphql");
fs.writeFileSync(file, printSchemaFile());
console.log(`wrote ${path.relative(process.cwd(), file)}`);

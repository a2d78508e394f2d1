import { printSchema } from "graphql";
import { schema } from "./index.ts";

/** The SDL as committed in schema.graphql (a test fails when the two differ). */
export function printSchemaFile(): string {
  return `${printSchema(schema)}\n`;
}

import { createServer, type PapergraphServer, type ServerOptions } from "../../src/server/index.ts";
import { createApiKey, revokeApiKey, type Scope } from "../../src/auth/api-keys.ts";
import type { TestDatabase } from "../support/database.ts";
import { postOperation, type GraphQLResponse } from "../support/graphql.ts";

/** Creates a key through the writer, as `papergraph keys create` does; returns its token. */
export async function keyFor(db: TestDatabase, name: string, scope: Scope): Promise<string> {
  return (await db.writer.transaction((sql) => createApiKey(sql, name, scope))).token;
}

export async function revokedKey(db: TestDatabase, name: string): Promise<string> {
  const token = await keyFor(db, name, "editor");
  await db.writer.transaction((sql) => revokeApiKey(sql, name));
  return token;
}

export const editorServer = (db: TestDatabase, options: Pick<ServerOptions, "readsRequireKey" | "limits"> = {}) =>
  createServer(db.reader, { writer: db.writer, readsRequireKey: false, ...options });

/** Posts one operation in-process with `Authorization: Bearer <token>` (none when token is null). */
export async function run<T = any>(
  yoga: PapergraphServer,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return (await (await postOperation(yoga, query, variables, { token })).json()) as GraphQLResponse<T>;
}

/** Like run, failing on any GraphQL error; returns data. */
export async function data<T = any>(yoga: PapergraphServer, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run<T>(yoga, token, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/** The revisions as tests compare them: JSON parsed, time left out. */
export const revisions = (list: { action: string; before: string | null; after: string | null; actor: string; createdAt: string }[]) =>
  list.map((revision) => ({
    action: revision.action,
    actor: revision.actor,
    before: revision.before === null ? null : JSON.parse(revision.before),
    after: revision.after === null ? null : JSON.parse(revision.after),
  }));

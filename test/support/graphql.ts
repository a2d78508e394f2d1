import type { PapergraphServer } from "../../src/server/index.ts";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/**
 * Posts one operation to the server in-process (no port), to `path` (default /graphql), with
 * `Authorization: Bearer <token>` when a token is given; returns the response as it came.
 */
export async function postOperation(
  yoga: PapergraphServer,
  query: string,
  variables: Record<string, unknown> = {},
  { token = null, path = "/graphql" }: { token?: string | null; path?: string } = {},
): Promise<Response> {
  return yoga.fetch(`http://papergraph${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
}

/** Posts one operation to the server in-process (no port) and returns the parsed body. */
export async function execute<T = any>(
  yoga: PapergraphServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return (await (await postOperation(yoga, query, variables)).json()) as GraphQLResponse<T>;
}

/** Like `execute`, but fails the test on any GraphQL error and returns `data`. */
export async function query<T = any>(yoga: PapergraphServer, source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await execute<T>(yoga, source, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Defaults to the global fetch; tests pass the server's own. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Send each document's hash instead of its text (the server must know the hashes). */
  persisted?: boolean;
}

/** Runs one typed operation: the variables and the result are typed by the document. */
export type Request = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) => Promise<TResult>;

/** A minimal GraphQL client over fetch: POST, JSON, errors thrown. */
export function createClient({ url, fetch: fetchFn = fetch, persisted = false }: ClientOptions): Request {
  return async <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) => {
    // client-preset's `persistedDocuments` puts the sha256 of each document in `__meta__`.
    const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
    const body =
      persisted && hash
        ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
        : { query: print(document), variables };
    const response = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("; "));
    return result.data as TResult;
  };
}

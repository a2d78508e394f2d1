import { GraphQLError } from "graphql";
import type { Context } from "./context.ts";
import { grants, type Principal, type Scope } from "../auth/api-keys.ts";

// The principal each request's scopes were computed from: unauthorisedError is synchronous.
const principals = new WeakMap<Context, Principal>();

/** The scopes fields ask for (`authScopes: { editor: true }`): true when the request holds them. */
export type AuthScopes = Record<Scope, boolean>;

/**
 * The scopes of the request, computed once per request by @pothos/plugin-scope-auth. `reader`
 * is held by everyone while reads are public (the default), so Query can always ask for it.
 */
export async function authScopesOf(ctx: Context): Promise<AuthScopes> {
  const principal = await ctx.principal();
  principals.set(ctx, principal);
  const held = principal.kind === "key" ? principal.key.scope : null;
  return {
    reader: !ctx.readsRequireKey || (held !== null && grants(held, "reader")),
    editor: held !== null && grants(held, "editor"),
    admin: held !== null && grants(held, "admin"),
  };
}

/**
 * Refusals carry `extensions.code`: UNAUTHENTICATED when the request has no usable key (none,
 * unknown or revoked), FORBIDDEN when its key lacks the scope. They are GraphQLErrors, so
 * error masking lets them through.
 */
export function unauthorisedError(ctx: Context): GraphQLError {
  const principal = principals.get(ctx) ?? { kind: "none" };
  if (principal.kind === "none") {
    return new GraphQLError("This operation needs an API key: send Authorization: Bearer <key>.", { extensions: { code: "UNAUTHENTICATED" } });
  }
  if (principal.kind === "invalid") {
    return new GraphQLError("The API key is unknown or revoked.", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return new GraphQLError(`The API key ${principal.key.name} (scope ${principal.key.scope}) may not do this.`, {
    extensions: { code: "FORBIDDEN" },
  });
}

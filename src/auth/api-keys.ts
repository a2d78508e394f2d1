import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { SqlRunner } from "../db/writer.ts";
import { bumpDataVersion } from "../db/data-version.ts";

/** What a key may do: admin ⊇ editor ⊇ reader. */
export const SCOPES = ["reader", "editor", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** Whether a key of scope `held` may do what needs `needed`. */
export const grants = (held: Scope, needed: Scope) => SCOPES.indexOf(held) >= SCOPES.indexOf(needed);

/** The key a request presented, once looked up. */
export interface ApiKeyPrincipal {
  id: number;
  name: string;
  scope: Scope;
}

/**
 * The request's credentials: `none` (no Authorization header), `invalid` (a token that matches
 * no live key: unknown, malformed or revoked) or the key.
 */
export type Principal = { kind: "none" } | { kind: "invalid" } | { kind: "key"; key: ApiKeyPrincipal };

const TOKEN_PREFIX = "pgk_";

/**
 * A SHA-256 of the token is enough: the token holds 256 random bits, so nobody can search the
 * hash space as they could for a password, and a plain hash lets a request find its key with
 * one index lookup instead of a slow KDF per request.
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token `pgk_<prefix>_<secret>`; the prefix (8 hex) identifies the key in lists without revealing it. */
export function newToken(): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString("hex");
  return { token: `${TOKEN_PREFIX}${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

/** The token of `Authorization: Bearer <token>`, or null without one. */
export function bearerToken(request: Request | undefined): string | null {
  const header = request?.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // A header that is not a bearer token is still an attempt at credentials: it is invalid, not absent.
  return match ? match[1]! : "";
}

/** Looks the request's token up by its hash, through the read connection. */
export async function resolvePrincipal(db: Db, request: Request | undefined): Promise<Principal> {
  const token = bearerToken(request);
  if (token === null) return { kind: "none" };
  if (!token.startsWith(TOKEN_PREFIX)) return { kind: "invalid" };
  const key = await db.apiKey.findUnique({ where: { hash: hashToken(token) }, select: { id: true, name: true, scope: true, revokedAt: true } });
  if (!key || key.revokedAt || !isScope(key.scope)) return { kind: "invalid" };
  return { kind: "key", key: { id: key.id, name: key.name, scope: key.scope } };
}

export interface ApiKeyRow {
  name: string;
  scope: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export class KeyError extends Error {
  override name = "KeyError";
}

/** Creates a key; returns the token, which is stored nowhere and cannot be shown again. */
export async function createApiKey(sql: SqlRunner, name: string, scope: Scope): Promise<{ token: string; prefix: string }> {
  if (!/^[\w.@-]{1,64}$/u.test(name)) throw new KeyError(`a key name is 1 to 64 letters, digits, _ . @ or -, got "${name}"`);
  const taken = await sql.get(`SELECT 1 AS "taken" FROM "ApiKey" WHERE "name" = ?`, [name]);
  if (taken) throw new KeyError(`a key named ${name} exists already (revoked keys keep their names, as revisions name them)`);
  const { token, prefix } = newToken();
  await sql.run(`INSERT INTO "ApiKey" ("name", "scope", "prefix", "hash", "createdAt") VALUES (?, ?, ?, ?, ?)`, [
    name,
    scope,
    prefix,
    hashToken(token),
    new Date().toISOString(),
  ]);
  return { token, prefix };
}

/**
 * Revokes the key with that name or prefix. The data version moves too: the response cache
 * keys answers by the data version and the presented token, so no answer cached for the key
 * is served after it is revoked.
 */
export async function revokeApiKey(sql: SqlRunner, nameOrPrefix: string): Promise<{ name: string; prefix: string }> {
  const key = await sql.get<{ id: number; name: string; prefix: string; revokedAt: unknown }>(
    `SELECT "id", "name", "prefix", "revokedAt" FROM "ApiKey" WHERE "name" = ? OR "prefix" = ?`,
    [nameOrPrefix, nameOrPrefix.replace(/^pgk_/, "")],
  );
  if (!key) throw new KeyError(`no key is named ${nameOrPrefix} or has that prefix`);
  if (key.revokedAt) throw new KeyError(`the key ${key.name} (pgk_${key.prefix}) is revoked already`);
  await sql.run(`UPDATE "ApiKey" SET "revokedAt" = ? WHERE "id" = ?`, [new Date().toISOString(), key.id]);
  await bumpDataVersion(sql);
  return { name: key.name, prefix: key.prefix };
}

export async function listApiKeys(sql: SqlRunner): Promise<ApiKeyRow[]> {
  const rows = await sql.all<Record<keyof ApiKeyRow, unknown>>(
    `SELECT "name", "scope", "prefix", "createdAt", "revokedAt", "lastUsedAt" FROM "ApiKey" ORDER BY "createdAt", "id"`,
  );
  const iso = (value: unknown) => (value == null ? null : new Date(value as string | number | Date).toISOString());
  return rows.map((row) => ({
    name: row.name as string,
    scope: row.scope as string,
    prefix: row.prefix as string,
    createdAt: iso(row.createdAt)!,
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  }));
}

import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config-error.ts";
import { databaseUrlFromEnv, openDatabase } from "../db/database.ts";
import { KeyError, SCOPES, createApiKey, isScope, listApiKeys, revokeApiKey } from "../auth/api-keys.ts";

const USAGE = `keys create <name> --scope reader|editor|admin   prints the new key once
keys revoke <name or prefix>
keys list`;

/**
 * `papergraph keys create|revoke|list`: API keys are managed here only, by whoever can reach the
 * database, not through the API. Secrets are printed once, at creation; only their hashes are stored.
 */
export async function keysCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { scope: { type: "string" }, json: { type: "boolean" } } });
  if (action !== "create" && action !== "revoke" && action !== "list") throw new ConfigError(`keys takes create, revoke or list:\n${USAGE}`);
  if (action === "list" ? positionals.length !== 0 : positionals.length !== 1) throw new ConfigError(`keys ${action}: ${USAGE.split("\n").find((line) => line.includes(action))}`);
  if (action === "create" && (!values.scope || !isScope(values.scope))) throw new ConfigError(`keys create needs --scope ${SCOPES.join("|")}`);
  const database = await openDatabase(databaseUrlFromEnv());
  try {
    if (action === "create") {
      const { token, prefix } = await database.writer.transaction((sql) => createApiKey(sql, positionals[0]!, values.scope as "reader"));
      console.log(`created key ${positionals[0]} (scope ${values.scope}, prefix pgk_${prefix})`);
      console.log(token);
      console.error("Store the key now: it is not shown again (only its hash is kept).");
    } else if (action === "revoke") {
      const key = await database.writer.transaction((sql) => revokeApiKey(sql, positionals[0]!));
      console.log(`revoked key ${key.name} (pgk_${key.prefix})`);
    } else {
      const keys = await listApiKeys(database.writer.read);
      if (values.json) console.log(JSON.stringify(keys, null, 2));
      else if (keys.length === 0) console.log("no keys");
      else {
        for (const key of keys) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : "active";
          console.log(`${key.name}\t${key.scope}\tpgk_${key.prefix}…\tcreated ${key.createdAt}\t${state}\tlast used ${key.lastUsedAt ?? "never"}`);
        }
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof KeyError) throw new ConfigError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

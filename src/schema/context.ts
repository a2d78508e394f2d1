import type { Db } from "../db/client.ts";
import type { Writer } from "../db/writer.ts";
import { createLoaders, type Loaders } from "../resolvers/loaders.ts";
import { resolvePrincipal, type Principal } from "../auth/api-keys.ts";

/** What every resolver receives: the read connection and this request's batch loaders. */
export interface Context {
  db: Db;
  loaders: Loaders;
  /** The write connection, for the editors' mutations; without it mutations answer an error. */
  writer?: Writer | undefined;
  /** Reads need a `reader` key (default: READS_REQUIRE_KEY=true); otherwise they are public. */
  readsRequireKey: boolean;
  /** The API key of the request (Authorization: Bearer), looked up once, on first use. */
  principal(): Promise<Principal>;
}

export interface ContextOptions {
  request?: Request;
  writer?: Writer | undefined;
  readsRequireKey?: boolean;
}

export function createContext(db: Db, options: ContextOptions = {}): Context {
  let principal: Promise<Principal> | undefined;
  return {
    db,
    loaders: createLoaders(db),
    writer: options.writer,
    readsRequireKey: readsRequireKey(options.readsRequireKey),
    principal: () => (principal ??= resolvePrincipal(db, options.request)),
  };
}

/** Whether reads need a `reader` key: as set, else READS_REQUIRE_KEY=true in the environment. */
export function readsRequireKey(option: boolean | undefined): boolean {
  return option ?? process.env.READS_REQUIRE_KEY === "true";
}

import type { Db } from "./db/client.ts";
import { createLoaders, type Loaders } from "./resolvers/loaders.ts";

/** What every resolver receives: the read connection and this request's batch loaders. */
export interface Context {
  db: Db;
  loaders: Loaders;
}

export function createContext(db: Db): Context {
  return { db, loaders: createLoaders(db) };
}

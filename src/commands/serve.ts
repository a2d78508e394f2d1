import http from "node:http";
import type { Database } from "../db/database.ts";
import { seedIfEmpty } from "../seed.ts";
import { createServer } from "../server.ts";
import { persistedOperationsFromEnv } from "../server/persisted-operations.ts";
import type { Logger } from "./logger.ts";

export interface ServeOptions {
  port: number;
  host?: string;
}

/**
 * Starts the HTTP server on an open database, loading the sample editions into an empty
 * one first. Resolves with the running server; SIGTERM and SIGINT close it gracefully
 * (in-flight requests finish, then the database is closed).
 */
export async function serve(database: Database, options: ServeOptions, log: Logger): Promise<http.Server> {
  const persistedOperations = persistedOperationsFromEnv(process.env);
  const seeded = await seedIfEmpty(database);
  if (seeded) {
    log.info(`loaded the sample editions: ${seeded.pages.created} pages, ${seeded.articles} articles, ${seeded.people} people`);
    for (const error of seeded.errors) log.warn(error.message);
  }
  const yoga = createServer(database.reader, { logging: true, ...(persistedOperations ? { persistedOperations } : {}) });
  const server = http.createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  log.info(`GraphiQL at http://localhost:${port}${yoga.graphqlEndpoint}`);

  const shutdown = (signal: string) => {
    log.info(`${signal}: finishing open requests, then stopping`);
    server.close(() => {
      void database.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return server;
}

import cluster from "node:cluster";
import http from "node:http";
import { parseArgs } from "node:util";
import { databaseUrlFromEnv, openDatabase, type Database } from "../db/database.ts";
import { checkReadiness } from "../db/readiness.ts";
import { readDataVersion } from "../db/data-version.ts";
import { backfillPositions } from "../loader/write-positions.ts";
import { keyPeopleOf } from "./key-people.ts";
import { persistedOperationsFromEnv } from "../server/persisted-operations.ts";
import { limitsFromEnv } from "../server/limits.ts";
import { createArchiveResponseCache } from "../server/response-cache.ts";
import { redisNamespace } from "../server/redis-keys.ts";
import { Redis } from "ioredis";
import { createLogger, logFormatFromEnv, logLevelFromEnv, type Logger } from "../lib/logger.ts";
import { wholeNumber } from "./arguments.ts";
import { defaultOf } from "./environment.ts";

/** `papergraph serve`: the API, until SIGTERM or SIGINT. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string" }, host: { type: "string" }, workers: { type: "string" }, seed: { type: "boolean" } },
  });
  const port = wholeNumber("port", values.port ?? process.env.PORT ?? defaultOf("PORT"), 0, 65535);
  const workers = wholeNumber("--workers", values.workers ?? process.env.WORKERS ?? defaultOf("WORKERS"), 1, 64);
  const cacheTtl = wholeNumber("RESPONSE_CACHE_TTL", process.env.RESPONSE_CACHE_TTL ?? defaultOf("RESPONSE_CACHE_TTL"), 0, 86_400_000);
  const serverLog = createLogger(logFormatFromEnv(), undefined, logLevelFromEnv());
  const location = databaseUrlFromEnv();
  const open = async () => {
    const database = await openDatabase(location, {
      onMigrated: (result) => result.applied.length && serverLog.info(`applied migrations: ${result.applied.join(", ")}`),
    });
    await keyPeopleOf(database.writer, serverLog);
    const positions = await backfillPositions(database.writer);
    if (positions > 0) serverLog.info(`read ${positions} positions from the stored titles`);
    return database;
  };
  await serve(
    open,
    // The sample goes only where it cannot be mistaken for the archive: the default embedded database.
    { port, workers, cacheTtl, seed: values.seed === true || location.isDefault, ...(values.host ? { host: values.host } : {}), ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    },
    serverLog,
  );
  return -1;
}

export interface ServeOptions {
  port: number;
  host?: string;
  /** Server processes on the one port (node:cluster); 1 serves from this process. */
  workers: number;
  /** Time to live of cached answers in ms; 0 turns the response cache off. */
  cacheTtl: number;
  /** Shares the response cache and the rate limit's counts between processes and machines. */
  redisUrl?: string;
  /** Loads the sample editions (seeds/) when the database holds no page. */
  seed: boolean;
}

/**
 * Starts the API. With several workers, this process migrates and loads the sample once,
 * then forks the workers, which share the listening port; it restarts a worker that dies
 * and, on SIGTERM or SIGINT, stops them all gracefully. Workers keep no state that
 * changes answers: everything lives in the database (and the shared cache).
 */
export async function serve(open: () => Promise<Database>, options: ServeOptions, log: Logger): Promise<void> {
  if (options.workers > 1 && cluster.isPrimary) return runPrimary(open, options, log);
  const database = await open();
  if (cluster.isPrimary && options.seed) await loadSample(database, log);
  const redis = options.redisUrl ? connectRedis(options.redisUrl) : undefined;
  const namespace = redisNamespace(process.env.REDIS_PREFIX, database.url);
  const cache = options.cacheTtl > 0
    ? createArchiveResponseCache({
        ttl: options.cacheTtl,
        dataVersion: () => readDataVersion(database.plain),
        ...(redis ? { redis, redisNamespace: namespace } : {}),
        onRedisError: (error) => log.warn(`Redis unavailable, answering from the database until it is back: ${(error as Error).message}`),
      })
    : null;
  const persistedOperations = persistedOperationsFromEnv(process.env);
  // The server (schema, yoga, plugins) loads once the database has opened: a configuration
  // error is told without that second of loading, and the primary of --workers never loads it.
  const { createRequestListener } = await import("../server/index.ts");
  const { yoga, listener } = createRequestListener(database.reader, {
    logger: log,
    writer: database.writer,
    metrics: true,
    ...(process.env.METRICS_TOKEN ? { metricsToken: process.env.METRICS_TOKEN } : {}),
    limits: limitsFromEnv(process.env),
    readiness: () => checkReadiness(database),
    ...(cache ? { responseCache: cache } : {}),
    ...(redis ? { redis, redisNamespace: namespace } : {}),
    ...(persistedOperations ? { persistedOperations } : {}),
  });
  const server = http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  if (cluster.isPrimary) log.info(`GraphiQL at http://localhost:${port}${yoga.graphqlEndpoint}`);

  const shutdown = (signal: string) => {
    log.info(`${signal}: finishing open requests, then stopping`);
    server.close(() => {
      redis?.disconnect();
      void database.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  stopOnSignal(shutdown);
}

// The process that started this one (npm, or the shell it runs the command through), read when
// the command loads: npm may be ended while the server is still starting (migrating, loading
// the sample), and a parent read after that would already be the one the server was left to.
const startedBy = process.ppid;

/**
 * Runs `shutdown` on SIGTERM or SIGINT, and, under npm (`npm start`, `npx papergraph serve`),
 * when npm is gone: npm runs the command through a shell, which does not pass npm's SIGTERM on,
 * so the server would otherwise go on holding its port after npm ended.
 */
function stopOnSignal(shutdown: (reason: string) => void): void {
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  if (!process.env.npm_lifecycle_event || cluster.isWorker) return;
  const watch = setInterval(() => {
    if (process.ppid === startedBy) return;
    clearInterval(watch);
    shutdown("npm stopped");
  }, 250);
  watch.unref();
}

/**
 * Redis for the response cache and the rate limit, both of which carry on without it: commands
 * fail at once while it is unreachable (no offline queue to wait in), and ioredis reconnects in
 * the background. Its connection errors are reported by the cache (a listener keeps ioredis from
 * printing each retry).
 */
function connectRedis(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined);
  return redis;
}

async function loadSample(database: Database, log: Logger): Promise<void> {
  const { seedIfEmpty } = await import("../loader/seed.ts");
  const seeded = await seedIfEmpty(database);
  if (!seeded) return;
  log.info(`loaded the sample editions: ${seeded.pages.created} pages, ${seeded.articles} articles, ${seeded.people} people`);
  for (const error of seeded.errors) log.warn(error.message);
}

async function runPrimary(open: () => Promise<Database>, options: ServeOptions, log: Logger): Promise<void> {
  const database = await open();
  if (options.seed) await loadSample(database, log);
  await database.close();

  let stopping = false;
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    listening += 1;
    if (listening === options.workers) {
      log.info(`GraphiQL at http://localhost:${address.port}/graphql`, { workers: options.workers });
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.warn(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (let index = 0; index < options.workers; index++) cluster.fork();

  const shutdown = (signal: string) => {
    stopping = true;
    log.info(`${signal}: stopping ${options.workers} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 50);
  };
  stopOnSignal(shutdown);
}

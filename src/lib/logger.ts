import { ConfigError } from "./config-error.ts";

/**
 * Log lines on stderr, without stack traces: `papergraph: …` for people at a terminal, or
 * one JSON object a line (`LOG_FORMAT=json`, the default when stderr is not a terminal)
 * for log collectors. The shape fits graphql-yoga's logger, so the server logs through it.
 * Lines below `LOG_LEVEL` (default info) are dropped: yoga writes several debug lines for
 * every request, which would cost a server a third of its throughput and fill its disk.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof Logger;

export type LogFormat = "json" | "text";

const LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

/** LOG_LEVEL: debug, info (the default), warn or error. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): Level {
  const level = env.LOG_LEVEL?.trim() || "info";
  if (!(LEVELS as readonly string[]).includes(level)) throw new ConfigError(`LOG_LEVEL is ${JSON.stringify(level)}: use one of ${LEVELS.join(", ")}`);
  return level as Level;
}

export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env, isTerminal = process.stderr.isTTY === true): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "text") return env.LOG_FORMAT;
  return isTerminal ? "text" : "json";
}

export function createLogger(format: LogFormat, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`), least: Level = "info"): Logger {
  const log = (level: Level) => (message: unknown, fields?: unknown) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(least)) return;
    const text = message instanceof Error ? message.message : String(message);
    const extra = fields && typeof fields === "object" && !(fields instanceof Error) ? (fields as Record<string, unknown>) : {};
    if (format === "json") {
      write(JSON.stringify({ time: new Date().toISOString(), level, pid: process.pid, msg: text, ...extra }));
    } else {
      const details = Object.entries(extra)
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
        .join(" ");
      write(`papergraph: ${level === "info" ? "" : `${level}: `}${text}${details ? ` (${details})` : ""}`);
    }
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const consoleLogger: Logger = createLogger("text");

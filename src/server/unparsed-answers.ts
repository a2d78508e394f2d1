import type { ExecutionResult } from "graphql";

/** The answers made here: their `data` as the database wrote it, while nothing has parsed it. */
const unread = new WeakMap<object, () => string | null>();

/**
 * An execution result whose `data` is parsed only when a plugin reads it (the response cache
 * does, to key and keep the answer), and which yoga writes with the database's text as it is
 * while nothing has read it (`stringify`, which yoga's result processor calls when a result
 * has one). `withExtensions` gives such a result with extensions added, still unparsed.
 */
export function answerOf(json: string, extensions?: Record<string, unknown>): ExecutionResult {
  let parsed: ExecutionResult["data"];
  const result: ExecutionResult = {
    get data() {
      return (parsed ??= JSON.parse(json) as ExecutionResult["data"]);
    },
    ...(extensions ? { extensions } : {}),
  };
  unread.set(result, () => (parsed === undefined ? json : null));
  Object.defineProperty(result, "stringify", {
    enumerable: false,
    value: (written: ExecutionResult) => {
      const own = Object.keys(written);
      if (written !== result || parsed !== undefined || own.some((key) => key !== "data" && key !== "extensions")) return JSON.stringify(written);
      return `{"data":${json}${written.extensions ? `,"extensions":${JSON.stringify(written.extensions)}` : ""}}`;
    },
  });
  return result;
}

/** `result` with `extensions` added: a statement's answer stays unparsed. */
export function withExtensions(result: ExecutionResult, extensions: Record<string, unknown>): ExecutionResult {
  const json = unread.get(result)?.();
  const merged = { ...result.extensions, ...extensions };
  if (json) return answerOf(json, merged);
  return { ...result, extensions: merged };
}

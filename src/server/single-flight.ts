import { getOperationAST, print, type DocumentNode, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * One execution for identical queries that miss the response cache at the same time. Without
 * it, ten readers asking for a page nobody has asked for yet run it ten times, and the cache
 * only helps the eleventh. Placed before the response cache's plugin, it wraps the execution
 * that plugin runs on a miss (a hit never reaches it), so the cache stores and answers as
 * before; each request keeps its own copy of the result for the plugins after it.
 *
 * Requests share an execution only when the response cache would have given them the same
 * answer: the same document, variables, operation and Authorization header, at the same data
 * version (read when the miss executes), so a request that arrives after a write never gets an
 * answer computed before it.
 */
export function useSingleFlight(dataVersion: () => Promise<number>): Plugin {
  const inFlight = new Map<string, Promise<ExecutionResult>>();
  const printed = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode) => {
    let text = printed.get(document);
    if (text === undefined) {
      text = print(document);
      printed.set(document, text);
    }
    return text;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "query") return;
      const authorization = (args.contextValue as { request?: Request }).request?.headers.get("authorization") ?? null;
      const text = textOf(args.document);
      setExecuteFn(async (executionArgs) => {
        const key = JSON.stringify([await dataVersion(), text, args.variableValues ?? {}, args.operationName ?? null, authorization]);
        let flight = inFlight.get(key);
        if (!flight) {
          flight = Promise.resolve(executeFn(executionArgs) as ExecutionResult | Promise<ExecutionResult>).finally(() => inFlight.delete(key));
          inFlight.set(key, flight);
        }
        const result = await flight;
        return { ...result };
      });
    },
  };
}

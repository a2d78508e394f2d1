/**
 * The parser's thread (src/loader/page-parser.ts starts it): parses the pages it is sent and
 * posts each ParsedPage back, so that the ingest's thread writes one page while this one parses
 * the next.
 */
import { parentPort } from "node:worker_threads";
import { parseSource, type ParseRequest } from "./parse-source.ts";

parentPort?.on("message", ({ id, request }: { id: number; request: ParseRequest }) => {
  try {
    parentPort!.postMessage({ id, parsed: parseSource(request) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

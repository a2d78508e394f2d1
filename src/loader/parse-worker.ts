/**
 * The parser's thread (src/loader/page-parser.ts starts it): parses the pages it is sent and
 * posts each ParsedPage back, so that the ingest's thread writes one page while this one parses
 * the next. It says when it is ready, once it has read jieba's dictionary: until then the caller
 * parses pages itself.
 *
 * It parses as parseSource (parse-source.ts) does, but loads the records parser only for the
 * first page given as records: that parser brings zod, whose loading was a quarter of the
 * thread's start, the time the first page of a run waits for.
 */
import { parentPort } from "node:worker_threads";
import { loadTagger } from "../ingest/jieba.ts";
import { parsePage } from "../ingest/parse-page.ts";
import type { ParsedPage } from "../ingest/types.ts";
import { PARSER_READY, type ParseMessage, type ParseReply } from "./parse-messages.ts";
import type { ParseRequest } from "./parse-source.ts";

let recordsParser: Promise<typeof import("../ingest/parse-records.ts")> | null = null;

async function parse(request: ParseRequest): Promise<ParsedPage> {
  if (request.records === undefined) return parsePage(request.text, request.context);
  recordsParser ??= import("../ingest/parse-records.ts");
  return (await recordsParser).parseRecordsPage(request.records, request.context).parsed;
}

parentPort?.on("message", async ({ id, request }: ParseMessage) => {
  let reply: ParseReply;
  try {
    reply = { id, parsed: await parse(request) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

// Until this, the caller parses pages itself (page-parser.ts).
loadTagger();
parentPort?.postMessage(PARSER_READY);

/**
 * npm run bench:ingest [-- --pages N] [-- --workload sample|devset] [-- --postgres]
 * Pages per second of ingest: parsing alone (in this thread), and parse + write end to end
 * through `ingestPaths` (what `papergraph ingest <folder>` runs: one transaction per page, the
 * next pages parsed while one is written), with the writer's statements per page. Each run
 * writes into a fresh SQLite file and, with --postgres, into a scratch database
 * papergraph_bench_ingest_<pid> on the server of the tests (TEST_DATABASE_URL), dropped after.
 *
 * Workloads: `sample` is the sample front page (8 articles) repeated under N dates; `devset` is
 * every page text of the sample edition and of the dev set (test/fixtures/devset: people-heavy
 * national and regional pages, ~20 KB each), taken in turn under N dates. CPU figures are this
 * process's user + system time (the worker thread's included) per page: on a shared machine
 * they move less than the wall-clock ones. Target: at least 100 pages/s end to end on 2 cores
 * (sample workload). On PostgreSQL it also prints the server's CPU a page: its backends' user + system
 * time from /proc, when the server runs on this machine (what a page costs the server, which
 * this process's figure leaves out). It also prints when the first page was written (the parser thread's start, the
 * first pages' cold parse and write) and the rate past the first 100 pages, once V8 has compiled
 * the parser: what a long run tends to.
 *
 * It runs the compiled parser and loader in dist/ (the npm script builds first), as `papergraph
 * ingest` does: through tsx, the parser's thread compiled its sources as it started, a cost no
 * user pays.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { projectRoot, seedsDir } from "../src/lib/paths.ts";
import { admin, databaseUrl } from "../test/support/postgres.ts";

/** The compiled module of src/<name>.ts. */
const built = <Module>(name: string): Promise<Module> => import(pathToFileURL(path.join(projectRoot, "dist", `${name}.js`)).href);
const { openDatabase } = await built<typeof import("../src/db/database.ts")>("db/database");
const { parsePage } = await built<typeof import("../src/ingest/parse-page.ts")>("ingest/parse-page");
const { ingestPaths } = await built<typeof import("../src/loader/edition-loader.ts")>("loader/edition-loader");

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "300" },
    workload: { type: "string", default: "sample,devset" },
    postgres: { type: "boolean", default: false },
  },
});
const pages = Number(values.pages);

interface SourcePage {
  publicationFolder: string;
  file: string;
  text: string;
}

function workload(name: string): SourcePage[] {
  const sample = path.join(seedsDir, "taiyuan-daily", "2022-06-03", "page-01.txt");
  const files = name === "sample" ? [sample] : name === "devset" ? [...pageTexts(seedsDir), ...pageTexts(path.join(projectRoot, "test", "fixtures", "devset"))] : null;
  if (files === null) throw new Error(`--workload ${name}: sample or devset`);
  return files.map((file) => ({ publicationFolder: path.dirname(path.dirname(file)), file, text: fs.readFileSync(file, "utf8") }));
}

/** The page texts under a folder of editions (<publication>/<YYYY-MM-DD>/page-NN.txt). */
function pageTexts(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)page-[A-Z0-9]+\.txt$/.test(file))
    .sort()
    .map((file) => path.join(folder, file));
}

/** N pages of the workload, each under its own date, in the layout `papergraph ingest` reads. */
function layOut(sources: SourcePage[], folder: string): { files: number; bytes: number } {
  let bytes = 0;
  for (let index = 0; index < pages; index++) {
    const source = sources[index % sources.length]!;
    const slug = path.basename(source.publicationFolder);
    const date = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const day = path.join(folder, slug, date);
    fs.mkdirSync(day, { recursive: true });
    fs.copyFileSync(path.join(source.publicationFolder, "publication.json"), path.join(folder, slug, "publication.json"));
    fs.writeFileSync(path.join(day, path.basename(source.file)), source.text);
    bytes += source.text.length;
  }
  return { files: pages, bytes };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

function parseAlone(sources: SourcePage[]): { seconds: number; cpu: number } {
  const context = (source: SourcePage, index: number) => {
    const publication = JSON.parse(fs.readFileSync(path.join(source.publicationFolder, "publication.json"), "utf8"));
    const date = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    return { issueDate: date, region: { city: publication.region, province: publication.province } };
  };
  parsePage(sources[0]!.text, context(sources[0]!, 0)); // load the jieba dictionary outside the timing
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < pages; index++) {
    const source = sources[index % sources.length]!;
    parsePage(source.text, context(source, index));
  }
  return { seconds: (performance.now() - started) / 1000, cpu: cpuMs(cpu) };
}

interface EndToEnd {
  seconds: number;
  cpu: number;
  /** Of `cpu`, the time in the kernel (system calls, page faults). */
  system: number;
  statements: number;
  articles: number;
  /** Seconds from the call to the first page written: the parser's thread's start, and the first page's cold parse and write. */
  firstPage: number;
  /** Pages per second past the first WARM_PAGES, once both threads run compiled code: what a long run tends to. */
  warm: number | null;
  /** PostgreSQL: the CPU ms its backends for this database spent during the run, when they run on this machine. */
  serverCpu: number | null;
}

/**
 * CPU ms each backend of `database` has used so far, by PID, from /proc: null when a backend
 * is not a PostgreSQL process of this machine (a server elsewhere, or in a container).
 */
async function backendCpu(url: string): Promise<Map<number, number> | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    const ticks = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux
    const used = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("postgres")) return null;
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
      } catch {
        return null;
      }
    }
    return used;
  } finally {
    await client.end();
  }
}

/** Pages past which a run counts as warm (the parser's code compiled by V8, its caches filled). */
const WARM_PAGES = 100;

async function endToEnd(url: string, folder: string): Promise<EndToEnd> {
  let statements = 0;
  const database = await openDatabase({ url, isDefault: false }, { onStatement: (_sql, connection) => void (connection === "writer" && statements++) });
  try {
    const postgres = url.startsWith("postgres");
    const serverBefore = postgres ? await backendCpu(url) : null;
    statements = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const written: number[] = [];
    const summary = await ingestPaths(database.writer, [folder], { onProgress: () => written.push(performance.now()) });
    const seconds = (performance.now() - started) / 1000;
    const warmFrom = written[WARM_PAGES - 1];
    const warm = warmFrom !== undefined && written.length > WARM_PAGES ? ((written.length - WARM_PAGES) * 1000) / (written.at(-1)! - warmFrom) : null;
    const usage = process.cpuUsage(cpu);
    const used = (usage.user + usage.system) / 1000;
    const system = usage.system / 1000;
    if (summary.errors.length > 0 || summary.pages.created !== pages) throw new Error(`ingest failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    // Backends that started during the run count from zero; one that ended during it is missed (the writer's stays).
    const serverAfter = postgres && serverBefore ? await backendCpu(url) : null;
    const serverCpu = serverAfter ? [...serverAfter].reduce((sum, [pid, ms]) => sum + ms - (serverBefore!.get(pid) ?? 0), 0) : null;
    return { seconds, cpu: used, system, statements, articles: summary.articles, firstPage: (written[0]! - started) / 1000, warm, serverCpu };
  } finally {
    await database.close();
  }
}

const rate = (seconds: number) => (pages / seconds).toFixed(0).padStart(5);
const perPage = (ms: number) => (ms / pages).toFixed(2).padStart(6);
console.log(`${pages} pages per run, ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
for (const name of values.workload.split(",")) {
  const sources = workload(name);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-bench-ingest-"));
  try {
    const { bytes } = layOut(sources, path.join(folder, "pages"));
    console.log(`\nworkload ${name}: ${sources.length} distinct page texts, ${(bytes / pages / 1000).toFixed(1)} k characters a page`);
    const parse = parseAlone(sources);
    console.log(`  parse alone:              ${rate(parse.seconds)} pages/s  ${perPage(parse.seconds * 1000)} ms/page  ${perPage(parse.cpu)} CPU ms/page`);
    const databases: [string, string, (() => Promise<void>) | null][] = [["SQLite", `file:${path.join(folder, "bench.db")}`, null]];
    if (values.postgres) {
      const name = `papergraph_bench_ingest_${process.pid}`;
      databases.push(["PostgreSQL", databaseUrl(name), async () => void (await admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]))]);
    }
    for (const [label, url, drop] of databases) {
      try {
        const run = await endToEnd(url, path.join(folder, "pages"));
        console.log(
          `  parse + write ${label.padEnd(10)} ${rate(run.seconds)} pages/s  ${perPage(run.seconds * 1000)} ms/page  ${perPage(run.cpu)} CPU ms/page  ` +
            `${(run.statements / pages).toFixed(1)} statements/page  (${(run.articles / pages).toFixed(1)} articles/page)`,
        );
        console.log(`    of this process's CPU, system time: ${perPage(run.system)} ms/page`);
        if (run.serverCpu !== null) console.log(`    the server's backends: ${perPage(run.serverCpu)} CPU ms/page`);
        const warm = run.warm === null ? "" : `; pages ${WARM_PAGES + 1}–${pages} at ${run.warm.toFixed(0)} pages/s`;
        console.log(`    first page written after ${run.firstPage.toFixed(2)} s${warm}`);
      } finally {
        await drop?.();
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average after: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);

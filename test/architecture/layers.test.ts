import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/lib/paths.ts";

// The floors of src/, lowest first: a module imports from its own folder or from a lower floor,
// never from a higher one, nor from a folder on its own floor (loader writes, resolvers read:
// neither uses the other). The order is the one-way flow of docs/architecture.md.
const FLOORS: string[][] = [
  ["lib"],
  ["ingest"],
  ["search"],
  ["generated"],
  ["db"],
  ["auth"],
  ["loader", "resolvers"],
  ["schema"],
  ["server"],
  ["cli"],
];

const SRC = path.join(projectRoot, "src");
const floorOf = new Map(FLOORS.flatMap((folders, floor) => folders.map((folder) => [folder, floor] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" && dir === SRC ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

// Every relative specifier: `import … from`, `export … from`, `import "…"` and `import("…")`,
// type-only imports included (a type that points up is a dependency that points up).
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(SPECIFIER)].map((match) => path.resolve(path.dirname(file), match[1]!));
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;
const name = (file: string) => path.relative(projectRoot, file);

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

type Graph = Map<string, string[]>;

function upwardImports(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    for (const target of imports) {
      const to = folderOf(target);
      if (to !== from && !(floorOf.get(to)! < floorOf.get(from)!)) wrong.push(`${name(file)} imports ${name(target)}`);
    }
  }
  return wrong;
}

function cyclesOf(graph: Graph): string[] {
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "visiting") {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map(name).join(" -> "));
      return;
    }
    state.set(file, "visiting");
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

const at = (file: string) => path.join(SRC, file);

describe("the layout of src/", () => {
  it("has every module in a folder that is a floor", () => {
    expect(files.filter((file) => !floorOf.has(folderOf(file))).map(name)).toEqual([]);
  });

  it("has no import that points up a floor or across to a sibling folder", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("has no cycle of imports between modules", () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("reads every kind of import, type-only and dynamic ones included", () => {
    const specifiers = (text: string) => [...text.matchAll(SPECIFIER)].map((match) => match[1]);
    expect(specifiers('import type { Context } from "../schema/context.ts";')).toEqual(["../schema/context.ts"]);
    expect(specifiers('const { main } = await import("../cli/main.ts");')).toEqual(["../cli/main.ts"]);
    expect(specifiers('export { x } from "./x.ts";\nimport "./side-effect.ts";')).toEqual(["./x.ts", "./side-effect.ts"]);
  });

  it("would name an import up a floor, one between loader and resolvers, and a cycle", () => {
    const bad: Graph = new Map([
      [at("lib/logger.ts"), [at("server/index.ts")]],
      [at("resolvers/queries.ts"), [at("loader/write-page.ts"), at("db/client.ts")]],
      [at("ingest/a.ts"), [at("ingest/b.ts")]],
      [at("ingest/b.ts"), [at("ingest/a.ts")]],
    ]);
    expect(upwardImports(bad)).toEqual(["src/lib/logger.ts imports src/server/index.ts", "src/resolvers/queries.ts imports src/loader/write-page.ts"]);
    expect(cyclesOf(bad)).toEqual(["src/ingest/a.ts -> src/ingest/b.ts -> src/ingest/a.ts"]);
  });
});

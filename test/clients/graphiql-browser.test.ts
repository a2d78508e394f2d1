import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext } from "playwright-core";
import { createServer } from "../../src/server/index.ts";
import { projectRoot } from "../../src/lib/paths.ts";
import { createTestDatabase } from "../support/database.ts";
import { listen } from "../support/listen.ts";
import { SAMPLE_HEADLINES, loadSample } from "../support/sample.ts";

// Debian's Chromium, never a downloaded one: .ci/run installs it with apt when missing.
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = path.join(projectRoot, "test-output", "graphiql-front-page.png");

const db = await createTestDatabase();
await loadSample(db.writer);
const origin = await listen(createServer(db.reader));

if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-chromium-"));
const browser: BrowserContext = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
  viewport: { width: 1400, height: 900 },
});
afterAll(async () => {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

const page = browser.pages()[0] ?? (await browser.newPage());
const requested: string[] = [];
page.on("request", (request) => requested.push(request.url()));
await page.goto(`${origin}/graphql`);

describe("GraphiQL in Chromium", () => {
  it("opens with the example queries as tabs: front page, person timeline, continuations, search, stories, organisation", async () => {
    await page.locator(".graphiql-execute-button").waitFor();
    expect(await page.locator(".graphiql-tab-button").allInnerTexts()).toEqual(["FrontPage", "PersonTimeline", "Continuations", "Search", "Stories", "Organisation"]);
  });

  it("runs the default query and shows the sample's headlines in the result pane", async () => {
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".graphiql-response").getByText("太原日报").waitFor();
    // The result editor draws only the lines in view: a tall window draws them all, once
    // it has laid them out again (polled: a loaded machine takes a moment).
    await page.setViewportSize({ width: 1400, height: 12_000 });
    const headlinesShown = async () => {
      const shown = (await page.locator(".graphiql-response").innerText()).replace(/\s+/g, "");
      return [...shown.matchAll(/"headline":"([^"]*)"/g)].map((match) => match[1]);
    };
    await expect.poll(headlinesShown, { timeout: 15_000 }).toEqual(SAMPLE_HEADLINES.map((headline) => headline?.replace(/\s+/g, "")));
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it("shows the schema's descriptions in the docs explorer, and saves a screenshot", async () => {
    await page.getByRole("button", { name: /documentation explorer/i }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Read the editorial graph: publications, issues, pages, articles and people.").waitFor();
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it("loads nothing from outside the server: the page's assets are the server's own, under /graphiql/", () => {
    const external = requested.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url));
    expect(external).toEqual([]);
    // Monaco's workers start from their own URLs; a headless browser may not ask for the icon.
    const assets = new Set(requested.filter((url) => url.startsWith(`${origin}/graphiql/`)).map((url) => url.split("/").at(-1)));
    assets.delete("favicon.ico");
    expect([...assets].sort()).toEqual(["editor.worker.js", "graphiql.css", "graphiql.js", "graphql.worker.js", "json.worker.js"]);
  });
});

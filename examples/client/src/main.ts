import { createClient } from "./client.ts";
import { frontPageHeadlines, personTimeline } from "./queries.ts";

// Usage: npx tsx examples/client/src/main.ts [endpoint] [--persisted]
const url = process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? "http://localhost:4000/graphql";
const request = createClient({ url, persisted: process.argv.includes("--persisted") });

const headlines = await frontPageHeadlines(request, "taiyuan-daily", "2022-06-03");
console.log("太原日报 2022-06-03, page 1:");
for (const headline of headlines ?? []) console.log(`  ${headline}`);

const timeline = await personTimeline(request, "韦韬");
console.log("韦韬:");
for (const entry of timeline ?? []) console.log(`  ${entry.date}  ${entry.headline}`);

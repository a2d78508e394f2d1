import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Without a resolvable DATABASE_URL the CLI cannot read engineType and tries to download engines.
process.env.DATABASE_URL ??= "file:./data/papergraph.db";

// The JS schema engine behind a driver adapter is the only Prisma 6 setup that generates and
// migrates with no engine download (see README, "Why Prisma 6").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    // `migrate diff --from-migrations` replays migration.sql through executeRaw, and
    // better-sqlite3 refuses multi-statement SQL there: run such scripts whole.
    factory.connectToShadowDb = async () => {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    };
    return factory;
  },
});

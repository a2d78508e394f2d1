import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The CLI for PostgreSQL (migration authoring); the app itself migrates with src/db/migrate.ts.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/papergraph";

// Catalog queries of the schema engine return "char" (18) and name (19) columns, which
// adapter-pg 6.19 cannot decode: read them as text.
function pool(connectionString: string) {
  const p = new pg.Pool({ connectionString, allowExitOnIdle: true });
  const query = p.query.bind(p) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (p as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  return p;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/pg/schema.prisma",
  migrations: { path: "prisma/pg/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    const factory = new PrismaPg(pool(url));
    // The built-in shadow database replays migrations against the real database when given
    // a connection string, and drops the shadow while still connected to it.
    factory.connectToShadowDb = async () => {
      const admin = await factory.connect();
      const name = `prisma_shadow_${process.pid}_${Date.now()}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await new PrismaPg(pool(shadowUrl.toString()), { disposeExternalPool: true }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    };
    return factory;
  },
});

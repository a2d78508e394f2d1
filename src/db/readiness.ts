import { migrationsDir, pgMigrationsDir } from "../lib/paths.ts";
import type { Database } from "./database.ts";
import { readMigrations } from "./migrate.ts";

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Whether the database answers and holds every migration this version ships: what a
 * load balancer should know before sending traffic (`/readyz`).
 */
export async function checkReadiness(database: Pick<Database, "reader" | "provider">): Promise<Readiness> {
  let applied: { migration_name: string }[];
  try {
    applied = await database.reader.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch (error) {
    const message = firstLine(error);
    // No bookkeeping table: the database answers but was never migrated.
    if (/_prisma_migrations/.test(message)) return { ready: false, reason: "migrations not applied: the database is empty" };
    return { ready: false, reason: `database unreachable: ${message}` };
  }
  const names = new Set(applied.map((row) => row.migration_name));
  const pending = shippedMigrations(database.provider).filter((name) => !names.has(name));
  return pending.length === 0 ? { ready: true } : { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
}

// The migrations this version ships do not change while it runs: read them once, not per probe.
const shipped = new Map<Database["provider"], string[]>();
function shippedMigrations(provider: Database["provider"]): string[] {
  let names = shipped.get(provider);
  if (!names) {
    names = readMigrations(provider === "postgresql" ? pgMigrationsDir : migrationsDir).map((migration) => migration.name);
    shipped.set(provider, names);
  }
  return names;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1)!.trim();

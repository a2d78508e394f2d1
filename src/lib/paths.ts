import { fileURLToPath } from "node:url";
import path from "node:path";

/** The package root, wherever the command is run from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const pgMigrationsDir = path.join(projectRoot, "prisma", "pg", "migrations");
export const seedsDir = path.join(projectRoot, "seeds");

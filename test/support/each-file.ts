import { afterAll } from "vitest";
import { cleanUpThisFile } from "./each-file-cleanup.ts";

// Removing a file's PostgreSQL databases (one DROP DATABASE each, up to 13 in a file) took over
// the 60 s hook limit while the machine was shared.
const CLEANUP_WITHIN = 300_000;

// A setup file: vitest runs it before each test file, also in a worker shared with other files.
afterAll(cleanUpThisFile, CLEANUP_WITHIN);

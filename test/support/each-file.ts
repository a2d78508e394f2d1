import { afterAll } from "vitest";
import { cleanUpThisFile } from "./each-file-cleanup.ts";

// A setup file: vitest runs it before each test file, also in a worker shared with other files.
afterAll(cleanUpThisFile);

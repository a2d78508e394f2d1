import { afterEach, describe, expect, it, vi } from "vitest";
import { redisReachable, requireUnderCi } from "../support/services.ts";

afterEach(() => vi.unstubAllEnvs());

describe("a service the suite uses (PostgreSQL, Redis)", () => {
  it("when missing, fails the run under CI=true, naming it", () => {
    vi.stubEnv("CI", "true");
    expect(() => requireUnderCi("Redis", false)).toThrow("CI=true and Redis is not reachable: the suite needs it (CI starts it in .ci/run)");
    expect(requireUnderCi("Redis", true)).toBe(true);
  });

  it("when missing outside CI, only skips the tests that need it", () => {
    vi.stubEnv("CI", "");
    expect(requireUnderCi("PostgreSQL", false)).toBe(false);
  });

  it("is found unreachable on a port where nothing listens", async () => {
    expect(await redisReachable("redis://127.0.0.1:1")).toBe(false);
  });
});

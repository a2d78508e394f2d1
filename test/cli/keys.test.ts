import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { openDatabase } from "../../src/db/database.ts";
import { createServer } from "../../src/server/index.ts";
import { seedsDir } from "../../src/lib/paths.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papergraph-keys-cli-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const url = `file:${path.join(root, "keys.db")}`;
const env = { DATABASE_URL: url };

/** renamePerson through the API of the CLI's database, with `token`: the answer's error code, or null. */
async function renameWith(token: string): Promise<unknown> {
  const database = await openDatabase({ url, isDefault: false });
  try {
    const yoga = createServer(database.reader, { writer: database.writer, readsRequireKey: false });
    const person = await database.reader.person.findUniqueOrThrow({ where: { name: "韦韬" } });
    const id = Buffer.from(`Person:${person.id}`).toString("base64");
    const response = await yoga.fetch("http://papergraph/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation($id: ID!) { renamePerson(id: $id, name: "韦韬") { errors { code } } }`, variables: { id } }),
    });
    const body = (await response.json()) as any;
    return body.errors?.[0]?.extensions?.code ?? null;
  } finally {
    await database.close();
  }
}

describe("papergraph keys", () => {
  let token = "";

  it("create prints the key once, with its name, scope and prefix", async () => {
    expect((await runCli(["ingest", seedsDir], { env })).code).toBe(0);
    const created = await runCli(["keys", "create", "desk", "--scope", "editor"], { env });
    expect(created.code).toBe(0);
    const [summary, secret, ...rest] = created.stdout.split("\n");
    expect(rest).toEqual([""]);
    token = secret!;
    expect(token).toMatch(/^pgk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(summary).toBe(`created key desk (scope editor, prefix ${token.slice(0, 12)})`);
    expect(created.stderr).toBe("Store the key now: it is not shown again (only its hash is kept).\n");
    expect(await renameWith(token)).toBeNull();
  });

  it("list shows the keys without their secrets", async () => {
    const listed = await runCli(["keys", "list", "--json"], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(token.slice(13));
    const [key] = JSON.parse(listed.stdout);
    expect(key).toMatchObject({ name: "desk", scope: "editor", prefix: token.slice(4, 12), revokedAt: null });
    const text = await runCli(["keys", "list"], { env });
    expect(text.stdout).toMatch(new RegExp(`^desk\\teditor\\t${token.slice(0, 12)}…\\tcreated .*\\tactive\\tlast used never\\n$`));
    expect(text.stdout).not.toContain(token.slice(13));
  });

  it("refuses a second key of the same name and an unknown scope", async () => {
    expect(await runCli(["keys", "create", "desk", "--scope", "editor"], { env })).toMatchObject({
      code: 2,
      stderr: "papergraph: a key named desk exists already (revoked keys keep their names, as revisions name them)\n",
    });
    expect(await runCli(["keys", "create", "boss", "--scope", "owner"], { env })).toMatchObject({
      code: 2,
      stderr: "papergraph: keys create needs --scope reader|editor|admin\n",
    });
  });

  it("revoke (by prefix) makes the key fail with UNAUTHENTICATED", async () => {
    const revoked = await runCli(["keys", "revoke", token.slice(0, 12)], { env });
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked key desk (${token.slice(0, 12)})\n` });
    expect(await renameWith(token)).toBe("UNAUTHENTICATED");
    const [key] = JSON.parse((await runCli(["keys", "list", "--json"], { env })).stdout);
    expect(key.revokedAt).toEqual(expect.any(String));
    expect(await runCli(["keys", "revoke", "desk"], { env })).toMatchObject({ code: 2, stderr: `papergraph: the key desk (${token.slice(0, 12)}) is revoked already\n` });
  });
});

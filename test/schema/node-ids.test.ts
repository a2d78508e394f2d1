import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import { execute, executeSync, parse } from "graphql";
import { describe, expect, it } from "vitest";
import NodeIdsPlugin from "../../src/schema/node-ids.ts";

// src/schema/node-ids.ts on a schema of its own: one node whose key is known at once, one whose
// key comes with a promise.
interface Thing {
  key: number;
}

function thingSchema() {
  // The app's plugins declare their options required of every builder; this one uses neither prisma nor scope auth.
  const options = { plugins: [RelayPlugin, NodeIdsPlugin], defaultFieldNullability: false, relay: {} };
  const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>(options as unknown as ConstructorParameters<typeof SchemaBuilder<{ DefaultFieldNullability: false }>>[0]);
  const Known = builder.node(builder.objectRef<Thing>("Known"), {
    id: { resolve: (thing) => thing.key },
    loadOne: (id) => ({ key: Number(id) }),
    fields: (t) => ({ key: t.exposeInt("key") }),
  });
  const Later = builder.node(builder.objectRef<Thing>("Later"), {
    id: { resolve: async (thing) => thing.key },
    loadOne: (id) => ({ key: Number(id) }),
    fields: (t) => ({ key: t.exposeInt("key") }),
  });
  builder.queryType({
    fields: (t) => ({
      known: t.field({ type: [Known], resolve: () => [{ key: 1 }, { key: 2 }] }),
      later: t.field({ type: Later, resolve: () => ({ key: 3 }) }),
    }),
  });
  return builder.toSchema();
}

const id = (typename: string, key: number) => Buffer.from(`${typename}:${key}`).toString("base64");

describe("node IDs", () => {
  it("gives a node's global ID without a promise when its key is known at once, as relay encodes it", () => {
    expect(executeSync({ schema: thingSchema(), document: parse("{ known { id key } }") })).toEqual({
      data: { known: [{ id: id("Known", 1), key: 1 }, { id: id("Known", 2), key: 2 }] },
    });
  });

  it("leaves the ID of a node whose key comes with a promise to relay", async () => {
    const schema = thingSchema();
    expect(() => executeSync({ schema, document: parse("{ later { id } }") })).toThrow(/failed to complete synchronously/);
    expect(await execute({ schema, document: parse("{ later { id } }") })).toEqual({ data: { later: { id: id("Later", 3) } } });
  });
});

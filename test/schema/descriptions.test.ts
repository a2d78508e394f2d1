import { describe, expect, it } from "vitest";
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType, type GraphQLNamedType } from "graphql";
import { schema } from "../../src/schema/index.ts";

const BUILT_IN = /^(__|String$|Int$|Float$|Boolean$|ID$)/;

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description?.trim()) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("the schema's documentation", () => {
  it("describes every type, field, argument and enum value", () => {
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => !BUILT_IN.test(type.name))
      .flatMap(undescribed);
    expect(missing).toEqual([]);
  });
});

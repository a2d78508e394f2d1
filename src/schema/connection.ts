import { GraphQLError } from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../resolvers/page-size.ts";

export { MAX_PAGE_SIZE };

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/**
 * Options shared by every connection field: refuses `first`/`last` above the limit with a
 * clear error instead of silently returning fewer items than asked.
 */
export const pageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: PageArgs) => {
    for (const name of ["first", "last"] as const) {
      const value = args[name];
      if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw new GraphQLError(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
          extensions: { code: "PAGE_SIZE_OUT_OF_RANGE" },
        });
      }
    }
    return MAX_PAGE_SIZE;
  },
};

interface TotalCountParent {
  totalCount?: number | (() => unknown);
}

/**
 * Connection-type options that add a described `totalCount` field. It replaces the one
 * plugin-prisma adds (which has no description) and resolves the same way: prismaConnection
 * hands a loader function, relatedConnection a number.
 */
export function withTotalCount(description: string) {
  return {
    fields: (t: any) => ({
      totalCount: t.int({
        description,
        nullable: false,
        extensions: { pothosPrismaTotalCount: true },
        resolve: (parent: TotalCountParent) =>
          typeof parent.totalCount === "function" ? parent.totalCount() : parent.totalCount,
      }),
    }),
  };
}

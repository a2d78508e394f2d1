import type { DocumentNode, ExecutionArgs, GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { dialectOf, preparedRead, type Db, type Dialect } from "../db/client.ts";
import { operationStatement, type OperationStatement } from "../resolvers/operation-statement.ts";
import { authScopesOf } from "../schema/auth-scopes.ts";
import type { Context } from "../schema/context.ts";
import { answerOf } from "./unparsed-answers.ts";
import type { Logger } from "../lib/logger.ts";

/**
 * Answers a query operation that src/resolvers/operation-statement.ts reads as one statement
 * from that statement alone: the database builds the `data` JSON and the response carries that
 * text as it came, with no field resolver run and no JSON parsed or built again in the process.
 * Every other operation, and any request without the `reader` scope (whose refusal the executor
 * words), is executed as before. The statement runs on the read connection and its statement
 * hook like every other read.
 *
 * Listed before the single flight and the response cache, so that the execution they wrap on a
 * miss is this one.
 */
export function useStatementAnswers(db: Db, schema: GraphQLSchema, logger?: Logger): Plugin {
  const dialect = dialectOf(db);
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (args.schema !== schema) return;
      setExecuteFn(async (executeArgs: ExecutionArgs) => {
        const statement = statementFor(executeArgs, dialect);
        if (!statement || !(await authScopesOf(executeArgs.contextValue as Context)).reader) return executeFn(executeArgs);
        let json: unknown;
        try {
          [json] = await preparedRead(db, statement.sql, { prepared: !statement.plannedEachTime });
        } catch (error) {
          // The executor answers, with the errors it gives field by field (a database down, a
          // timeout: src/server/safety.ts codes them) or with data, where the failure was this
          // statement's alone. A statement stopped at the timeout thus costs up to twice it.
          logger?.error(error instanceof Error ? error.message : String(error), { answeredBy: "executor after the operation's one statement failed" });
          return executeFn(executeArgs);
        }
        return answerOf(typeof json === "string" ? json : JSON.stringify(json));
      });
    },
  };
}

/**
 * The statements of each document seen, by operation name and variables: clients send the same
 * few documents with a few values each. Bounded per document; a document's entry goes with it.
 */
const MAX_STATEMENTS_PER_DOCUMENT = 64;
const statements = new WeakMap<DocumentNode, Map<string, OperationStatement | null>>();

function statementFor(args: ExecutionArgs, dialect: Dialect): OperationStatement | null {
  let byRequest = statements.get(args.document);
  if (!byRequest) statements.set(args.document, (byRequest = new Map()));
  const key = `${dialect}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  let statement = byRequest.get(key);
  if (statement === undefined) {
    statement = operationStatement(args.schema, dialect, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
    if (byRequest.size < MAX_STATEMENTS_PER_DOCUMENT) byRequest.set(key, statement);
  }
  return statement;
}

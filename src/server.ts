import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { createContext, type Context } from "./context.ts";
import type { Db } from "./db/client.ts";

/** The query GraphiQL opens with: the front page of the sample edition. */
export const DEFAULT_QUERY = `# The front page of 太原日报, 2022-06-03: every article with its people.
query FrontPage {
  page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
    number
    issue { date publication { name } }
    articles {
      kicker
      headline
      subheadline
      source
      dateline
      reporters { name }
      mentions { person { name } title }
      continuation { toPageNumber marker resolved }
    }
  }
}
`;

export type PapergraphServer = YogaServerInstance<Record<string, never>, Context>;

export function createServer(db: Db, options: { logging?: boolean } = {}): PapergraphServer {
  return createYoga<Record<string, never>, Context>({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: options.logging ?? false,
    graphiql: { title: "papergraph", defaultQuery: DEFAULT_QUERY },
    // Yoga's own readiness route answers /healthz: the process is up and serving.
    healthCheckEndpoint: "/healthz",
  });
}

import { graphql } from "./gql/index.ts";
import type { Request } from "./client.ts";
import type { PersonTimelineQuery as PersonTimelineQueryResult } from "./gql/graphql.ts";

export const FrontPageQuery = graphql(`
  query FrontPage($publication: String!, $date: Date!) {
    issue(publication: $publication, date: $date) {
      date
      publication {
        name
      }
      page(number: 1) {
        articles {
          headline
          reporters {
            name
          }
          continuation {
            toPageNumber
          }
        }
      }
    }
  }
`);

export const PersonTimelineQuery = graphql(`
  query PersonTimeline($name: String!, $first: Int!, $after: String) {
    person(name: $name) {
      name
      titles {
        title
        firstSeen
        lastSeen
        count
      }
      articles(first: $first, after: $after) {
        totalCount
        edges {
          node {
            headline
            issue {
              date
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The headlines of an issue's front page, in reading order; null when the issue is not held. */
export async function frontPageHeadlines(request: Request, publication: string, date: string): Promise<string[] | null> {
  const { issue } = await request(FrontPageQuery, { publication, date });
  if (!issue) return null;
  // `headline` is `string | null` here, as the schema says: the types come from codegen.
  return (issue.page?.articles ?? []).map((article) => article.headline ?? "(no headline)");
}

export interface TimelineEntry {
  date: string;
  headline: string;
}

/** Every article that names or credits a person, newest first, following the cursors to the end. */
export async function personTimeline(request: Request, name: string, pageSize = 20): Promise<TimelineEntry[] | null> {
  const entries: TimelineEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const { person }: PersonTimelineQueryResult = await request(PersonTimelineQuery, { name, first: pageSize, after });
    if (!person) return null;
    for (const { node } of person.articles.edges) entries.push({ date: node.issue.date, headline: node.headline ?? "(no headline)" });
    if (!person.articles.pageInfo.hasNextPage) return entries;
    after = person.articles.pageInfo.endCursor ?? null;
  }
}

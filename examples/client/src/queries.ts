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

export const FrontPageStoriesQuery = graphql(`
  query FrontPageStories($publication: String!, $date: Date!) {
    page(publication: $publication, date: $date, number: 1) {
      articles {
        story {
          id
          headline
          pages
          complete
          body
        }
      }
    }
  }
`);

export const OrganisationPeopleQuery = graphql(`
  query OrganisationPeople($name: String!, $role: String) {
    organisation(name: $name) {
      name
      people(role: $role) {
        person {
          name
        }
        role
        firstSeen
        lastSeen
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

export interface StorySummary {
  headline: string;
  pages: number[];
  complete: boolean;
}

/** The stories that start on an issue's front page, each once, with the pages they run over; null when the page is not held. */
export async function frontPageStories(request: Request, publication: string, date: string): Promise<StorySummary[] | null> {
  const { page } = await request(FrontPageStoriesQuery, { publication, date });
  if (!page) return null;
  const seen = new Set<string>();
  return page.articles.flatMap(({ story }) => {
    if (seen.has(story.id)) return [];
    seen.add(story.id);
    return [{ headline: story.headline ?? "(no headline)", pages: story.pages, complete: story.complete }];
  });
}

/** Who held a role in an organisation (any role when none is given), as "name role"; null when no title names it. */
export async function organisationPeople(request: Request, name: string, role: string | null = null): Promise<string[] | null> {
  const { organisation } = await request(OrganisationPeopleQuery, { name, role });
  return organisation ? organisation.people.map((member) => `${member.person.name} ${member.role}`) : null;
}

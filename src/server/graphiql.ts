import type { GraphiQLOptions } from "graphql-yoga";

/** The tab GraphiQL opens on: the front page of the sample edition. */
const FRONT_PAGE = `# The front page of 太原日报, 2022-06-03: every article with its people.
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

const PERSON_TIMELINE = `# One person's timeline: the positions they were named with, and their articles, newest first.
# Page on with \`after: <pageInfo.endCursor>\`.
query PersonTimeline($name: String!, $after: String) {
  person(name: $name) {
    name
    titles { title normalisedTitle firstSeen lastSeen count }
    articles(first: 10, after: $after) {
      totalCount
      edges { node { headline issue { date } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

const CONTINUATION = `# Where the front page's stories continue (下转第N版), and the article that picks each one up.
query Continuations {
  page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
    continuationsOut {
      from { headline }
      marker
      toPageNumber
      resolved
      to { headline page { number } }
    }
  }
}
`;

const SEARCH = `# Articles that contain every term, best matches first, with the excerpts that match.
query Search($query: String!) {
  search(query: $query, orderBy: RELEVANCE, first: 10) {
    totalCount
    edges { node { article { headline issue { date } } snippets { field text } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const STORY = `# The front page's articles read whole across their jumps (下转第3版 → 上接第1版): the parts in
# reading order, one body without the markers, and whether every part is stored yet.
query Stories {
  page(publication: "taiyuan-daily", date: "2022-06-03", number: 1) {
    articles {
      story {
        headline
        pages
        complete
        parts { page { number } position }
        body
      }
    }
  }
}
`;

const ORGANISATION = `# Who held which role in an organisation named by the titles (市委 on a 太原日报 page is 太原市委),
# and the positions of one of them.
query Organisation($name: String!) {
  organisation(name: $name) {
    name
    people { person { name } role firstSeen lastSeen count }
  }
  person(name: "韦韬") {
    positions { organisation { name } role firstSeen lastSeen count }
  }
}
`;

/** GraphiQL's options: example queries as tabs, ready to run against the sample edition. */
export const GRAPHIQL: GraphiQLOptions = {
  title: "papergraph",
  defaultTabs: [
    { query: FRONT_PAGE },
    { query: PERSON_TIMELINE, variables: JSON.stringify({ name: "韦韬" }, null, 2) },
    { query: CONTINUATION },
    { query: SEARCH, variables: JSON.stringify({ query: "太忻 经济" }, null, 2) },
    { query: STORY },
    { query: ORGANISATION, variables: JSON.stringify({ name: "太原市委" }, null, 2) },
  ],
};

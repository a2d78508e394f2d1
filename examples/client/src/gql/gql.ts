/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FrontPage($publication: String!, $date: Date!) {\n    issue(publication: $publication, date: $date) {\n      date\n      publication {\n        name\n      }\n      page(number: 1) {\n        articles {\n          headline\n          reporters {\n            name\n          }\n          continuation {\n            toPageNumber\n          }\n        }\n      }\n    }\n  }\n": typeof types.FrontPageDocument,
    "\n  query PersonTimeline($name: String!, $first: Int!, $after: String) {\n    person(name: $name) {\n      name\n      titles {\n        title\n        firstSeen\n        lastSeen\n        count\n      }\n      articles(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            headline\n            issue {\n              date\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.PersonTimelineDocument,
    "\n  query FrontPageStories($publication: String!, $date: Date!) {\n    page(publication: $publication, date: $date, number: 1) {\n      articles {\n        story {\n          id\n          headline\n          pages\n          complete\n          body\n        }\n      }\n    }\n  }\n": typeof types.FrontPageStoriesDocument,
    "\n  query OrganisationPeople($name: String!, $role: String) {\n    organisation(name: $name) {\n      name\n      people(role: $role) {\n        person {\n          name\n        }\n        role\n        firstSeen\n        lastSeen\n      }\n    }\n  }\n": typeof types.OrganisationPeopleDocument,
};
const documents: Documents = {
    "\n  query FrontPage($publication: String!, $date: Date!) {\n    issue(publication: $publication, date: $date) {\n      date\n      publication {\n        name\n      }\n      page(number: 1) {\n        articles {\n          headline\n          reporters {\n            name\n          }\n          continuation {\n            toPageNumber\n          }\n        }\n      }\n    }\n  }\n": types.FrontPageDocument,
    "\n  query PersonTimeline($name: String!, $first: Int!, $after: String) {\n    person(name: $name) {\n      name\n      titles {\n        title\n        firstSeen\n        lastSeen\n        count\n      }\n      articles(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            headline\n            issue {\n              date\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.PersonTimelineDocument,
    "\n  query FrontPageStories($publication: String!, $date: Date!) {\n    page(publication: $publication, date: $date, number: 1) {\n      articles {\n        story {\n          id\n          headline\n          pages\n          complete\n          body\n        }\n      }\n    }\n  }\n": types.FrontPageStoriesDocument,
    "\n  query OrganisationPeople($name: String!, $role: String) {\n    organisation(name: $name) {\n      name\n      people(role: $role) {\n        person {\n          name\n        }\n        role\n        firstSeen\n        lastSeen\n      }\n    }\n  }\n": types.OrganisationPeopleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrontPage($publication: String!, $date: Date!) {\n    issue(publication: $publication, date: $date) {\n      date\n      publication {\n        name\n      }\n      page(number: 1) {\n        articles {\n          headline\n          reporters {\n            name\n          }\n          continuation {\n            toPageNumber\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FrontPage($publication: String!, $date: Date!) {\n    issue(publication: $publication, date: $date) {\n      date\n      publication {\n        name\n      }\n      page(number: 1) {\n        articles {\n          headline\n          reporters {\n            name\n          }\n          continuation {\n            toPageNumber\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonTimeline($name: String!, $first: Int!, $after: String) {\n    person(name: $name) {\n      name\n      titles {\n        title\n        firstSeen\n        lastSeen\n        count\n      }\n      articles(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            headline\n            issue {\n              date\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonTimeline($name: String!, $first: Int!, $after: String) {\n    person(name: $name) {\n      name\n      titles {\n        title\n        firstSeen\n        lastSeen\n        count\n      }\n      articles(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            headline\n            issue {\n              date\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrontPageStories($publication: String!, $date: Date!) {\n    page(publication: $publication, date: $date, number: 1) {\n      articles {\n        story {\n          id\n          headline\n          pages\n          complete\n          body\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FrontPageStories($publication: String!, $date: Date!) {\n    page(publication: $publication, date: $date, number: 1) {\n      articles {\n        story {\n          id\n          headline\n          pages\n          complete\n          body\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationPeople($name: String!, $role: String) {\n    organisation(name: $name) {\n      name\n      people(role: $role) {\n        person {\n          name\n        }\n        role\n        firstSeen\n        lastSeen\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationPeople($name: String!, $role: String) {\n    organisation(name: $name) {\n      name\n      people(role: $role) {\n        person {\n          name\n        }\n        role\n        firstSeen\n        lastSeen\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
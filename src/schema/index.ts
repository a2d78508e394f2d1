import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./text-span.ts";
import "./person-role.ts";
import "./publication.ts";
import "./issue.ts";
import "./page.ts";
import "./article.ts";
import "./person.ts";
import "./credit.ts";
import "./mention.ts";
import "./photo.ts";
import "./continuation.ts";
import "./story.ts";
import "./organisation.ts";
import "./search.ts";
import "./editors.ts";
import "./stitching.ts";

/** The whole API, sorted so that the printed schema is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());

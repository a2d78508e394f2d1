import type { SqlRunner, Writer } from "../db/writer.ts";
import { bumpDataVersion } from "../db/data-version.ts";
import { personKey } from "../ingest/person-key.ts";
import { mergeInto } from "./corrections-store.ts";
import { insertRows } from "./insert-rows.ts";
import { groupsOf } from "../lib/groups-of.ts";
import { namedByEditors } from "./people-by-name.ts";

/** What keying a database of before keys did. */
export interface KeyedPeople {
  /** People given their key. */
  keyed: number;
  /** People merged into another whose name has the same key. */
  merged: number;
}

/** Rows updated by one statement of keys: three bound values each, well under SQLite's 999. */
const KEYS_PER_STATEMENT = 250;

/**
 * Gives every person of a database migrated from before keys (migration
 * 20261206063838_person_name_key) the key of its name, after making one person of those a key
 * joins: the rows a page in traditional characters and one in simplified characters made for
 * the same person (吳建軍, 吴建军) are merged as an editor's merge would, so the archive reads as
 * one ingested with keys. Runs at every start (`serve`, `migrate`, `ingest`): whether a person
 * lacks a key is one index lookup; all of it is one transaction, redone whole after a crash.
 */
export async function keyPeople(writer: Writer): Promise<KeyedPeople> {
  const none = { keyed: 0, merged: 0 };
  if (!(await writer.read.get(UNKEYED))) return none;
  return writer.transaction(async (sql) => {
    // Another process starting at the same time may have done it while this one waited to write.
    if (!(await sql.get(UNKEYED))) return none;
    const merged = await mergeSameKeys(sql);
    const keyed = await writeKeys(sql);
    await addAliasKeys(sql);
    await bumpDataVersion(sql);
    return { keyed, merged };
  });
}

const UNKEYED = `SELECT 1 AS "found" FROM "Person" WHERE "nameKey" IS NULL LIMIT 1`;

interface Person {
  id: number;
  name: string;
}

/**
 * Merges the people that share a key, through their names or their aliases (an editor's former
 * name 张韬 is the person a page printing 張韜 means). Of each group the one that stays is the
 * one an editor named, else one an editor renamed or merged into (it has aliases), else one
 * named by its key, else the oldest: as ingest with keys would have made it.
 */
async function mergeSameKeys(sql: SqlRunner): Promise<number> {
  const people = await sql.all<Person>(`SELECT "id", "name" FROM "Person" ORDER BY "id"`);
  const aliases = await sql.all<{ name: string; personId: number }>(`SELECT "name", "personId" FROM "PersonAlias"`);
  const groups = groupsByKey(
    people,
    aliases.map((alias) => ({ name: alias.name, personId: Number(alias.personId) })),
  );
  const shared = groups.filter((group) => group.length > 1);
  const editorNamed = await namedByEditors(sql, shared.flat());
  const withAliases = new Set(aliases.map((alias) => Number(alias.personId)));
  const rank = (person: Person) =>
    editorNamed.has(person.id) ? 0 : withAliases.has(person.id) ? 1 : personKey(person.name) === person.name ? 2 : 3;
  let merged = 0;
  for (const group of shared) {
    const [into, ...from] = [...group].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    for (const person of from) await mergeInto(sql, into!, person);
    merged += from.length;
  }
  return merged;
}

/** The people, grouped so that two people any key joins are in one group (keys of names and aliases). */
function groupsByKey(people: Person[], aliases: { name: string; personId: number }[]): Person[][] {
  const leader = new Map<number, number>(people.map((person) => [person.id, person.id]));
  const find = (id: number): number => {
    const up = leader.get(id)!;
    if (up === id) return id;
    const top = find(up);
    leader.set(id, top);
    return top;
  };
  const holder = new Map<string, number>();
  const claim = (key: string, id: number) => {
    const other = holder.get(key);
    if (other === undefined) holder.set(key, id);
    else leader.set(find(id), find(other));
  };
  for (const person of people) claim(personKey(person.name), person.id);
  for (const alias of aliases) claim(personKey(alias.name), alias.personId);
  const groups = new Map<number, Person[]>();
  for (const person of people) {
    const top = find(person.id);
    groups.set(top, [...(groups.get(top) ?? []), person]);
  }
  return [...groups.values()];
}

/** Writes each person's key: those named in other than simplified characters one by one, the rest (their key is their name) at once. */
async function writeKeys(sql: SqlRunner): Promise<number> {
  const people = await sql.all<Person>(`SELECT "id", "name" FROM "Person" WHERE "nameKey" IS NULL`);
  const folded = people.filter((person) => personKey(person.name) !== person.name);
  for (const chunk of groupsOf(folded, KEYS_PER_STATEMENT)) {
    await sql.run(
      `UPDATE "Person" SET "nameKey" = CASE "id" ${chunk.map(() => "WHEN ? THEN ?").join(" ")} END WHERE "id" IN (${chunk.map(() => "?").join(", ")})`,
      [...chunk.flatMap((person) => [person.id, personKey(person.name)]), ...chunk.map((person) => person.id)],
    );
  }
  await sql.run(`UPDATE "Person" SET "nameKey" = "name" WHERE "nameKey" IS NULL`);
  return people.length;
}

/** An alias whose key finds no one yet gets its key as an alias too, as renames and merges now leave them (people-by-name.ts). */
async function addAliasKeys(sql: SqlRunner): Promise<void> {
  const aliases = await sql.all<{ name: string; personId: number; personKey: string }>(
    `SELECT a."name", a."personId", p."nameKey" AS "personKey" FROM "PersonAlias" a JOIN "Person" p ON p."id" = a."personId"`,
  );
  const missing = new Map<string, number>();
  for (const alias of aliases) {
    const key = personKey(alias.name);
    if (key !== alias.name && key !== alias.personKey) missing.set(key, Number(alias.personId));
  }
  await insertRows(
    sql,
    "PersonAlias",
    [...missing].map(([name, personId]) => ({ name, personId })),
    [],
    ["name"],
  );
}

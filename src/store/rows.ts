/**
 * How a stored entity maps to its SQLite row, written once for every repository: columns are the entity's
 * fields in snake_case (`guildId` is `guild_id`), and booleans are stored as 0 or 1. A repository declares its
 * entity's interface only; its row type is derived from it, and {@link fromRow} reads a row back.
 */

/** `guildId` → `guild_id`: a field's column name, as a type. */
type Snake<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}`
  : S;

/** The row SQLite returns for an entity `T`: its fields as snake_case columns, booleans as 0 or 1. */
export type RowOf<T> = { [K in keyof T & string as Snake<K>]: T[K] extends boolean ? number : T[K] };

/** The fields of `T` that are booleans: the columns {@link fromRow} must turn from 0/1 back into booleans. */
type FlagOf<T> = { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T];

const fieldNames = new Map<string, string>();

/** `guild_id` → `guildId`, remembered: the same few column names are read on every row. */
function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    fieldNames.set(column, name);
  }
  return name;
}

/** Reads a row as the entity it stores: every column under its camelCase name, each of `flags` as a boolean. */
export function fromRow<T>(row: RowOf<T>, flags: readonly FlagOf<T>[] = []): T {
  const entity: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) entity[fieldName(column)] = value;
  for (const flag of flags) entity[flag as string] = entity[flag as string] === 1;
  return entity as T;
}

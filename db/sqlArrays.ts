import { sql, type RawBuilder } from 'kysely';

/**
 * A list of rows as `unnest($1::text[], $2::text[], ...)`: one parameter per column however many
 * rows, so a batch is one statement (the same SQL on PostgreSQL and PGlite).
 */
export function unnestText(columns: ReadonlyArray<readonly (string | null)[]>): RawBuilder<unknown> {
  return sql`unnest(${sql.join(columns.map((values) => sql`${[...values]}::text[]`))})`;
}

/** A text[] per row, carried as its JSON text inside a text column (unnest cannot take ragged 2-D arrays). */
export const jsonTextArray = (values: readonly string[]): string => JSON.stringify(values);

/** `column = any($1::text[])`: one parameter for any number of values (an `in (...)` list takes one each). */
export function inList(column: string, values: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = any(${[...values]}::text[])`;
}

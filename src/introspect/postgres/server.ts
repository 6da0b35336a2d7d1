import { sql, type Kysely } from 'kysely';

/** The one row of {@link queryServer}. */
export interface RawServerRow {
  server_version_num: string;
  server_version: string;
  database: string;
  current_user: string;
}

/** Server version and who we are: decides version-dependent catalog columns. */
export async function queryServer(db: Kysely<unknown>): Promise<RawServerRow> {
  const { rows } = await sql<RawServerRow>`
    select current_setting('server_version_num') as server_version_num,
           current_setting('server_version') as server_version,
           current_database() as database,
           current_user as current_user`.execute(db);
  return rows[0]!;
}

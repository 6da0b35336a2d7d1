import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/** The vendored pagila schema (fixtures/pagila), psql meta-commands removed. */
export const PAGILA_SCHEMA_FILE = path.join(ROOT, 'fixtures', 'pagila', 'schema.sql');

export function pagilaSql(): string {
  return readFileSync(PAGILA_SCHEMA_FILE, 'utf8').replace(/^\\.*$/gm, '');
}

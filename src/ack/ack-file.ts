/**
 * The acknowledgements file (`--ack-file`, written by `schema-audit ack`):
 * YAML (or JSON), reviewed in pull requests, and untrusted input like a
 * spec. It is read within the input limits (its bytes, its nodes, YAML
 * aliases: src/spec-file/input-limits.ts), validated against its JSON
 * Schema, then each entry's values (a finding id of a known kind, a real
 * day, one-line texts, no id twice); every problem is reported at its
 * file:line, as the spec's are.
 *
 * ```yaml
 * acknowledgements:
 *   - id: missing_index:public.leads.idx_leads_score
 *     reason: the index is built by the next release's migration
 *     owner: data-platform
 *     expires: 2027-01-31
 *     ticket: OPS-1234
 * ```
 */
import path from 'node:path';
import { Ajv } from 'ajv';
import { DEFAULT_INPUT_LIMITS, readInputFile, type InputLimits } from '../spec-file/input-limits.js';
import { DATE_PATTERN } from '../spec-file/json-schema.js';
import { SpecError } from '../spec-file/spec-error.js';
import { parseSpecFile, type ParsedSpecFile } from '../spec-file/spec-file.js';
import type { SpecProblem } from '../spec-file/spec-section.js';
import { validateStructure } from '../spec-file/validate-spec.js';
import { dateProblem, findingIdProblem, textProblem } from './ids.js';
import type { Acknowledgement, AcknowledgementFile } from './types.js';

/** The name `schema-audit ack` writes to when no --file is given (in the current directory). */
export const DEFAULT_ACK_FILE = 'schema-audit.ack.yaml';

const one = (description: string): Record<string, unknown> => ({ description, type: 'string', minLength: 1 });

/** The acknowledgements file's JSON Schema (draft-07). */
export const ACK_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:schema-audit:acknowledgements:1',
  title: 'schema-audit acknowledgements',
  description: 'Drift accepted on purpose: each entry names one finding by its id; the finding does not fail the audit until the entry expires.',
  type: 'object',
  additionalProperties: false,
  properties: {
    acknowledgements: {
      description: 'One entry per acknowledged finding.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'reason', 'owner'],
        properties: {
          id: one("The finding's id, as the report's findings[].id: <kind>:<object>, e.g. missing_column:public.leads.score (matched exactly)."),
          reason: one('Why the drift is accepted (shown in reports).'),
          owner: one('Who owns the decision: a person or a team.'),
          expires: { description: 'The last day (yyyy-mm-dd, UTC) the entry holds; after it the finding fails the audit again.', type: 'string', pattern: DATE_PATTERN },
          ticket: { description: 'A ticket or link that tracks the fix.', type: ['string', 'integer'], minLength: 1 },
        },
      },
    },
  },
} as const;

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The file's problems beyond its structure: each entry's values, no id twice. */
function entryProblems(file: ParsedSpecFile, list: readonly Record<string, unknown>[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const first = new Map<string, number>();
  list.forEach((entry, index) => {
    const at = (key: string): { file: string; line: number; path: string } => {
      const where = file.locate(['acknowledgements', String(index), key]);
      return { file: file.file, line: where.line, path: where.path };
    };
    // Values of the wrong type are the structure pass's: only strings are read here.
    if (typeof entry.id !== 'string') return;
    const id = entry.id;
    const idProblem = findingIdProblem(id);
    if (idProblem !== undefined) problems.push({ ...at('id'), message: idProblem });
    const earlier = first.get(id);
    if (earlier !== undefined) problems.push({ ...at('id'), message: `'${id}' is acknowledged twice (first at line ${earlier}): one entry per finding` });
    else first.set(id, at('id').line);
    for (const key of ['reason', 'owner', 'ticket'] as const) {
      const problem = typeof entry[key] === 'string' ? textProblem(entry[key]) : undefined;
      if (problem !== undefined) problems.push({ ...at(key), message: problem });
    }
    const date = typeof entry.expires === 'string' ? dateProblem(entry.expires) : undefined;
    if (date !== undefined) problems.push({ ...at('expires'), message: date });
  });
  return problems;
}

/** An acknowledgements file that cannot be used: every problem at its file:line (exit 2). */
export class AckFileError extends SpecError {
  constructor(problems: readonly SpecProblem[]) {
    super(problems);
    this.message = `acknowledgements file has ${this.problems.length} ${this.problems.length === 1 ? 'error' : 'errors'}`;
  }
}

/**
 * Parse and validate an acknowledgements file's bytes. `file`: the path as
 * shown in problems and reports. Throws an {@link AckFileError}, or an
 * `InvalidSpecError` when the file is over a limit.
 */
export function parseAckFile(file: string, bytes: Buffer, limits: InputLimits = DEFAULT_INPUT_LIMITS): AcknowledgementFile & { readonly parsed: ParsedSpecFile } {
  const parsed = parseSpecFile({ file, name: path.basename(file), bytes }, () => false, limits);
  if (!parsed.wellFormed) throw new AckFileError(parsed.problems);
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(ACK_FILE_SCHEMA);
  const data = parsed.data === null ? {} : parsed.data;
  const structure = [...parsed.problems, ...validateStructure({ ...parsed, data }, compiled)];
  const given = (data as { acknowledgements?: unknown }).acknowledgements;
  const list = (Array.isArray(given) ? given : []) as Record<string, unknown>[];
  // Every problem in one run: the values of the entries that are maps too (a problem both passes find, once).
  const values = entryProblems(parsed, list.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? e : {})));
  const seen = new Set(structure.map((p) => `${p.line}\u0000${p.path}\u0000${p.message}`));
  const problems = [...structure, ...values.filter((p) => !seen.has(`${p.line}\u0000${p.path}\u0000${p.message}`))];
  if (problems.length > 0) throw new AckFileError(problems);
  const entries: Acknowledgement[] = list.map((e, index) => ({
    id: String(e.id),
    reason: String(e.reason),
    owner: String(e.owner),
    ...(e.expires !== undefined ? { expires: String(e.expires) } : {}),
    ...(e.ticket !== undefined ? { ticket: String(e.ticket) } : {}),
    line: parsed.lineOf(['acknowledgements', String(index)]) ?? 1,
  }));
  return { file, entries, parsed };
}

/** Read an acknowledgements file (`shown`: the path as given; `absolute`: where it is), within the input limits. */
export function loadAckFile(shown: string, absolute: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): AcknowledgementFile {
  const { file, entries } = parseAckFile(shown, readInputFile(absolute, limits), limits);
  return { file, entries };
}

/** The constraint kind's words: what a constraint enforces, its name, and the Other Drift cells of its finding kinds. */
import { check, exclusion, fk as foreignKey, pk, unique } from '../../../test/diff/builders.js';
import type { Constraint } from './model.js';
import { constraintFacts, CONSTRAINT_WORDS, namedConstraint } from './words.js';

const fk = foreignKey('leads_owner_fkey', ['owner'], { table: 'users', columns: ['id'] }, { onDelete: 'SET NULL' });

const constraints: readonly Constraint[] = [
  fk,
  foreignKey('leads_team_fkey', ['team'], { schema: 'crm', table: 'teams', columns: [] }, { onUpdate: 'CASCADE' }),
  check('leads_score_check', '(score >= 0)', ['score']),
  unique('leads_a_b_key', ['a', 'b']),
  unique('leads_a_key', ['a']),
  pk('leads_pkey', ['id']),
  exclusion('no_overlap', 'EXCLUDE USING gist (during WITH &&)', ['during']),
];

test('constraintFacts says what each kind of constraint enforces', () => {
  expect(constraints.map(constraintFacts)).toEqual([
    'references `users(id)` on delete set null',
    'references `crm.teams` on update cascade',
    'check `(score >= 0)`',
    'unique with `a` and `b`',
    'unique',
    'primary key',
    '`EXCLUDE USING gist (during WITH &&)`',
  ]);
});

test('namedConstraint names each with what it is', () => {
  expect(constraints.map(namedConstraint)).toEqual([
    'foreign key `leads_owner_fkey` to `users`',
    'foreign key `leads_team_fkey` to `crm.teams`',
    'check `leads_score_check`',
    'unique `leads_a_b_key`',
    'unique `leads_a_key`',
    'primary key `leads_pkey`',
    'exclusion `no_overlap`',
  ]);
});

test('Other Drift cells: by definition, a mismatch with the aspects that differ', () => {
  const base = { id: 'x', category: 'drift', severity: 'error', object: { schema: 'public', table: 'leads', constraint: fk.name }, message: '' } as const;
  const other = { ...fk, onDelete: 'NO ACTION' } as const;
  expect(CONSTRAINT_WORDS.missing_constraint.otherDriftCell({ ...base, kind: 'missing_constraint', expected: { ...fk, description: null }, actual: null }, [])).toBe(
    'Constraint is missing: `FOREIGN KEY (owner) REFERENCES users(id)`',
  );
  expect(CONSTRAINT_WORDS.unexpected_constraint.otherDriftCell({ ...base, kind: 'unexpected_constraint', expected: null, actual: fk }, [])).toBe(
    'Constraint not in the expected schema: `FOREIGN KEY (owner) REFERENCES users(id)`',
  );
  const mismatch = { ...base, kind: 'constraint_mismatch', expected: { ...fk, definition: `${fk.definition} ON DELETE SET NULL` }, actual: other } as const;
  expect(CONSTRAINT_WORDS.constraint_mismatch.otherDriftCell(mismatch, ['onDelete'])).toBe(
    'Constraint differs (onDelete): is `FOREIGN KEY (owner) REFERENCES users(id)`; expected `FOREIGN KEY (owner) REFERENCES users(id) ON DELETE SET NULL`',
  );
  expect(CONSTRAINT_WORDS.constraint_mismatch.otherDriftCell(mismatch, [])).toMatch(/^Constraint differs: is /);
});

import { crm, patchColumn, patchConstraint, patchTable } from '../../test/diff/builders.js';
import { extension, sequence } from '../../test/plan/builders.js';
import { diffSchemas } from '../diff/index.js';
import type { SchemaModel } from '../model/schema-model.js';
import { specExpectations } from './spec-expectations.js';

/** A spec's model as the scratch server gives it back: the descriptions it wrote, nothing else. */
function loaded(): SchemaModel {
  const m = crm();
  return {
    ...m,
    schemas: [{ name: 'public', comment: 'standard public schema' }],
    extensions: [extension('citext', 'public', { version: '1.6', comment: 'control file' })],
    sequences: [sequence('public', 's')],
  };
}

/** The database: documented more than the spec says, an older citext. */
function database(): SchemaModel {
  let m = patchColumn(loaded(), 'leads', 'score', { comment: 'documented in the database only' });
  m = patchConstraint(m, 'leads', 'leads_score_check', (c) => ({ ...c, comment: 'why' }));
  return {
    ...m,
    schemas: [{ name: 'public', comment: 'ours' }],
    extensions: [extension('citext', 'public', { version: '1.4', comment: 'changed' })],
    sequences: [sequence('public', 's', null, { comment: 'counter' })],
  };
}

test('what the spec does not say is not demanded: versions, comments it does not write', () => {
  const expected = specExpectations(loaded(), ['citext'], database());
  expect(expected.extensions).toEqual([extension('citext', 'public', { version: null, comment: 'changed' })]);
  expect(diffSchemas(expected, database()).findings).toEqual([]);
});

test('a description the spec writes is governed: a different or missing database comment is drift', () => {
  const live = patchTable(patchColumn(database(), 'leads', 'email', { comment: null }), 'accounts', (t) => ({ ...t, comment: 'other' }));
  expect(diffSchemas(specExpectations(loaded(), ['citext'], live), live).findings.map((f) => f.id)).toEqual([
    'comment_mismatch:table:public.accounts',
    'comment_mismatch:column:public.leads.email',
  ]);
});

test('a version the spec writes is kept, and compared', () => {
  const expected = specExpectations(loaded(), [{ name: 'citext', version: '1.6' }], database());
  expect(expected.extensions[0]?.version).toBe('1.6');
  expect(diffSchemas(expected, database()).findings.map((f) => f.id)).toEqual(['extension_mismatch:public.citext']);
});

test('without the live model: only the versions', () => {
  const expected = specExpectations(loaded(), ['citext'], undefined);
  expect(expected.extensions[0]?.version).toBeNull();
  expect(expected.schemas).toEqual(loaded().schemas);
});

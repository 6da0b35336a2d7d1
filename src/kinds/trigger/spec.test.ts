import { col, table, trig } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith } from '../../../test/spec-file/unit-helpers.js';
import { modelToDdl } from '../../ddl/model-to-ddl.js';
import { inMemorySpec } from '../../spec-file/in-memory-spec.js';
import { modelToSpec } from '../../spec-file/model-to-spec.js';
import { specToDdl } from '../../spec-file/spec-to-ddl.js';
import type { SpecFile } from '../../spec-file/spec-types.js';
import type { Trigger } from './model.js';
import { triggerSpec, triggersSpec } from './spec.js';

const problems = (triggers: Record<string, unknown>, schema = 'app'): string[] =>
  meaningProblems({ tables: { [`${schema}.leads`]: { columns: { id: { type: 'int' } }, triggers } } } as never);

describe('triggers: meaning', () => {
  test.each([
    ['CREATE TRIGGER t BEFORE UPDATE ON app.leads FOR EACH ROW EXECUTE FUNCTION f()', []],
    ['create constraint trigger "t" after insert on "app"."leads" deferrable for each row execute procedure f();', []],
    ['CREATE TRIGGER u BEFORE UPDATE ON app.leads FOR EACH ROW EXECUTE FUNCTION f()', ['the statement creates trigger u, not t']],
    ['CREATE TRIGGER t BEFORE UPDATE ON leads FOR EACH ROW EXECUTE FUNCTION f()', ['the statement creates the trigger on public.leads, not on app.leads']],
    ['CREATE TRIGGER t BEFORE UPDATE ON app.other FOR EACH ROW EXECUTE FUNCTION f()', ['the statement creates the trigger on app.other, not on app.leads']],
    ['DROP TRIGGER t ON app.leads', ['expected a CREATE TRIGGER statement (CREATE [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events ON table ...)']],
  ])('%s', (sql, messages) => {
    expect(problems({ t: sql })).toEqual(messages.map((m) => `tables.app.leads.triggers.t: ${m}`));
    expect(problems({ t: { definition: sql, enabled: 'replica' } })).toEqual(messages.map((m) => `tables.app.leads.triggers.t.definition: ${m}`));
  });

  test('an unqualified table is public’s; an unquoted name folds to lower case (the hint says to quote it)', () => {
    expect(problems({ t: 'CREATE TRIGGER t BEFORE UPDATE ON leads FOR EACH ROW EXECUTE FUNCTION f()' }, 'public')).toEqual([]);
    expect(problems({ T: 'CREATE TRIGGER T BEFORE UPDATE ON leads FOR EACH ROW EXECUTE FUNCTION f()' }, 'public')).toEqual([
      'tables.public.leads.triggers.T: the statement creates trigger t, not "T" (PostgreSQL folds unquoted names to lower case: quote it)',
    ]);
  });
});

describe('triggers: from the model', () => {
  const builtIn: Trigger = {
    ...trig('leads', 'leads_noop', { body: 'BEFORE UPDATE' }),
    definition: 'CREATE TRIGGER leads_noop BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()',
    function: 'function:pg_catalog\u0000suppress_redundant_updates_trigger\u0000',
  };

  test('the statement alone; with its state and description when either is not the default', () => {
    expect(triggerSpec(builtIn)).toBe(builtIn.definition);
    expect(triggerSpec({ ...builtIn, enabled: 'always', comment: 'why' })).toEqual({ definition: builtIn.definition, enabled: 'always', description: 'why' });
  });

  test('a trigger whose function the spec cannot hold yet (not built in) is left out', () => {
    const t = table('leads', { triggers: [builtIn, trig('leads', 'leads_touch')] });
    const tableOnly = new Set(['table']);
    expect(Object.keys(triggersSpec(t, tableOnly) ?? {})).toEqual(['leads_noop']);
    expect(triggersSpec(table('leads', { triggers: [trig('leads', 'leads_touch')] }), tableOnly)).toBeUndefined();
    expect(Object.keys(triggersSpec(t, new Set(['table', 'function'])) ?? {})).toEqual(['leads_noop', 'leads_touch']);
  });

  test('snapshot writes them under the table; the spec DDL creates them after the indexes, then states, then comments; modelToDdl too', () => {
    const model = modelWith({ tables: [table('leads', { columns: [col('id', 'integer')], triggers: [{ ...builtIn, enabled: 'disabled', comment: "it's" }] })] });
    const spec = modelToSpec(model);
    expect(spec.tables?.leads?.triggers).toEqual({ leads_noop: { definition: builtIn.definition, enabled: 'disabled', description: "it's" } });
    const ddl = specToDdl(inMemorySpec(spec as SpecFile)).map((s) => s.sql);
    expect(ddl.slice(-3)).toEqual([
      builtIn.definition,
      'ALTER TABLE public.leads DISABLE TRIGGER leads_noop',
      "COMMENT ON TRIGGER leads_noop ON public.leads IS 'it''s'",
    ]);
    expect(modelToDdl(model).slice(-3)).toEqual(ddl.slice(-3));
  });

  test('a statement with a trailing semicolon is written without it', () => {
    const spec = { version: 1, tables: { leads: { columns: { id: { type: 'int' } }, triggers: { t: `${builtIn.definition.replace('leads_noop', 't')};` } } } } as const;
    expect(specToDdl(inMemorySpec(spec as unknown as SpecFile)).at(-1)?.sql).toBe(builtIn.definition.replace('leads_noop', 't'));
  });
});

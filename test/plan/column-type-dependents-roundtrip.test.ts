import { describeRoundTripCases, type RoundTripCase } from './roundtrip.js';

/**
 * A column's type (or collation) changes under objects PostgreSQL refuses
 * ALTER COLUMN … TYPE for: row-level security policies that read it (in
 * USING or WITH CHECK, on its table or another's) and triggers whose WHEN
 * reads it; the plan drops them before and creates them again after, in
 * up.sql and in down.sql. Indexes over it (expression, partial) and CHECK
 * constraints on it PostgreSQL rebuilds itself. Each case is a round trip
 * on a real server: up.sql and down.sql applied twice with psql, no drift
 * left, --verify agrees.
 */
const FN = `create function touch() returns trigger language plpgsql as $$ begin return new; end $$;\n`;

const policies = (owner: string, amount: string, check: string): string => `
create table t (id int primary key, owner ${owner}, amount ${amount});
create table u (id int primary key, tid int);
alter table t enable row level security;
alter table u enable row level security;
create policy t_owner on t using (owner = current_user) with check (${check});
create policy t_select on t for select using (id > 0);
create policy u_via_t on u using (tid in (select id from t where owner = 'x'));
insert into t values (1, 'a', 1.5), (2, 'b', 2.5);
`;

const trigger = (owner: string): string => `${FN}
create table t (id int primary key, owner ${owner}, note text);
create trigger t_owner_changed before update on t for each row when (old.owner is distinct from new.owner) execute function touch();
create trigger t_other before insert on t for each row execute function touch();
insert into t values (1, 'a', 'n');
`;

const rebuilt = (owner: string): string => `
create table t (id int primary key, owner ${owner} check (owner <> 'x'), n int);
create index t_lower on t (lower(owner));
create index t_partial on t (n) where owner <> '';
insert into t values (1, 'a', 1), (2, 'b', 2);
`;

const CASES: Record<string, RoundTripCase> = {
  'policies: a column they read widened, another widened, one policy changed too': {
    a: policies('varchar(10)', 'numeric(10,2)', 'amount > 0'),
    b: policies('varchar(40)', 'numeric(12,2)', 'amount > 1'),
    steps: [/^drop_policies:public\.t\.t_owner$/, /^drop_policies:public\.u\.u_via_t$/, /^alter_columns:public\.t\.amount$/, /^alter_columns:public\.t\.owner$/, /^policies:public\.t\.t_owner$/, /^policies:public\.u\.u_via_t$/],
  },
  'policies: a column they read collated otherwise': {
    a: policies('text', 'numeric', 'amount > 0'),
    b: policies('text collate "C"', 'numeric', 'amount > 0'),
    steps: [/^drop_policies:public\.t\.t_owner$/, /^drop_policies:public\.u\.u_via_t$/, /^alter_columns:public\.t\.owner$/, /^policies:public\.t\.t_owner$/, /^policies:public\.u\.u_via_t$/],
  },
  'policies: the collation back': {
    a: policies('text collate "C"', 'numeric', 'amount > 0'),
    b: policies('text', 'numeric', 'amount > 0'),
    steps: [/^drop_policies:public\.t\.t_owner$/, /^drop_policies:public\.u\.u_via_t$/, /^alter_columns:public\.t\.owner$/, /^policies:public\.t\.t_owner$/, /^policies:public\.u\.u_via_t$/],
  },
  'a trigger whose WHEN reads the column: widened': {
    a: trigger('varchar(10)'),
    b: trigger('varchar(40)'),
    steps: [/^drop_triggers:public\.t\.t_owner_changed$/, /^alter_columns:public\.t\.owner$/, /^triggers:public\.t\.t_owner_changed$/],
  },
  'a trigger whose WHEN reads the column: collated otherwise, and back': {
    a: trigger('text collate "C"'),
    b: trigger('text'),
    steps: [/^drop_triggers:public\.t\.t_owner_changed$/, /^alter_columns:public\.t\.owner$/, /^triggers:public\.t\.t_owner_changed$/],
  },
  'an expression index, a partial index and a check over the column: widened': {
    a: rebuilt('varchar(10)'),
    b: rebuilt('varchar(40)'),
    steps: [/^alter_columns:public\.t\.owner$/],
  },
  'an expression index, a partial index and a check over the column: collated otherwise': {
    a: rebuilt('text'),
    b: rebuilt('text collate "C"'),
    steps: [/^alter_columns:public\.t\.owner$/, /^indexes:public\.t\.t_lower$/],
  },
  'without --drop-unexpected: an unexpected policy and trigger that read the column are kept, dropped and created again around the change': {
    a: `${FN}${policies('varchar(10)', 'numeric', 'amount > 0')}create policy t_extra on t using (owner <> '');\ncreate trigger t_extra before update of owner on t for each row execute function touch();\n`,
    b: `${FN}${policies('varchar(40)', 'numeric', 'amount > 0')}`,
    args: ['--verify'],
    steps: [
      /^drop_triggers:public\.t\.t_extra$/,
      /^drop_policies:public\.t\.t_extra$/,
      /^drop_policies:public\.t\.t_owner$/,
      /^drop_policies:public\.u\.u_via_t$/,
      /^alter_columns:public\.t\.owner$/,
      /^triggers:public\.t\.t_extra$/,
      /^policies:public\.t\.t_extra$/,
      /^policies:public\.t\.t_owner$/,
      /^policies:public\.u\.u_via_t$/,
    ],
    kept: ['unexpected_policy:public.t.t_extra', 'unexpected_trigger:public.t.t_extra'],
  },
};

const { results } = describeRoundTripCases('coltype-deps', CASES);

test('a policy changed as well is created again as expected, in the step that fixes its finding', () => {
  const plan = results.get('policies: a column they read widened, another widened, one policy changed too')!.plan;
  const step = plan.steps.find((s) => s.id === 'policies:public.t.t_owner')!;
  expect(step.findingIds).toEqual(['policy_mismatch:public.t.t_owner']);
  expect(step.up.map((u) => u.sql).join('\n')).toContain('WITH CHECK ((amount > (1)::numeric))');
  expect(plan.steps.find((s) => s.id === 'drop_policies:public.t.t_owner')!.hazards.map((h) => h.kind)).toEqual(['access_change']);
});

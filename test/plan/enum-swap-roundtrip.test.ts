import { describeRoundTripCases, type RoundTripCase } from './roundtrip.js';

/**
 * Enum label changes on a real server (src/kinds/enum/swap.ts): each case is
 * a database (a.sql) audited against an expected schema (b.sql); up.sql and
 * down.sql applied with psql (twice each): after up.sql the database audits
 * clean against b.sql (but for what the plan keeps), after down.sql against
 * a.sql: an added label is taken away again by swapping the type back.
 */
const TABLE = (type: string): string => `
  create table tickets (
    id integer primary key,
    state ${type} not null default 'b',
    history ${type}[] not null default '{}',
    note text
  );
  create index tickets_open on tickets (id) where state = 'a';
  alter table tickets add constraint tickets_state_check check (state <> 'c' or note is not null);
  insert into tickets values (1, 'a', '{a,b}', null), (2, 'b', '{}', null), (3, 'c', '{c}', 'done');
  create view open_tickets as select id, state from tickets where state = 'a';
  create view labelled as select id, 'b'::${type} as fixed from tickets;
  comment on type ${type} is 'ticket state';
`;

type Case = RoundTripCase;

const CASES: Record<string, Case> = {
  'labels removed and reordered: one swap, columns, arrays, defaults, a partial index, a check and two views carried over': {
    a: `create type st as enum ('a', 'b', 'gone', 'c'); ${TABLE('st')}`,
    b: `create type st as enum ('c', 'b', 'a'); ${TABLE('st')}`,
    steps: [/^drop_views:public\.open_tickets$/, /^drop_views:public\.labelled$/, /^types:public\.st$/, /^views:public\.labelled$/, /^views:public\.open_tickets$/],
  },
  'a label added (ALTER TYPE ADD VALUE): down.sql swaps the type back': {
    a: `create type st as enum ('a', 'b', 'c'); ${TABLE('st')}`,
    b: `create type st as enum ('a', 'new', 'b', 'c'); ${TABLE('st')}`,
    steps: [/^drop_views:public\.open_tickets$/, /^drop_views:public\.labelled$/, /^types:public\.st$/, /^views:public\.labelled$/, /^views:public\.open_tickets$/],
  },
  'a quoted name in another schema, on a partitioned table; an unexpected label kept without --drop-unexpected': {
    a: `create schema "Ops";
        create type "Ops"."Mood Type" as enum ('x', 'a', 'b');
        create table "Ops".events (id integer, mood "Ops"."Mood Type" default 'a') partition by range (id);
        create table "Ops".events_1 partition of "Ops".events for values from (0) to (100);
        insert into "Ops".events values (1, 'a'), (2, 'x');`,
    b: `create schema "Ops";
        create type "Ops"."Mood Type" as enum ('b', 'a');
        create table "Ops".events (id integer, mood "Ops"."Mood Type" default 'a') partition by range (id);
        create table "Ops".events_1 partition of "Ops".events for values from (0) to (100);`,
    args: ['--verify'],
    steps: [/^types:"Ops"\."Mood Type"$/],
    kept: ['enum_value_unexpected:"Ops"."Mood Type".x'],
  },
};

const { results } = describeRoundTripCases('enum-swap', CASES);

test('the swap names its rewrites and what makes it fail', () => {
  const step = results.get(Object.keys(CASES)[0]!)!.plan.steps.find((s) => s.id === 'types:public.st')!;
  const size = /public\.tickets \([^)]*\)/;
  expect(step.hazards.map((h) => `${h.kind}: ${h.message.replace(size, 'public.tickets (ROWS)')}`)).toEqual([
    'table_rewrite: converting state, history to the new type rewrites public.tickets (ROWS) under an ACCESS EXCLUSIVE lock',
    "may_fail: fails, and changes nothing, while a row, default, index or check uses 'gone'",
    'table_rewrite: down.sql: converting state, history to the new type rewrites public.tickets (ROWS) under an ACCESS EXCLUSIVE lock',
  ]);
});

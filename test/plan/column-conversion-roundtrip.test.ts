import { describeRoundTripCases, type RoundTripCase } from './roundtrip.js';

/**
 * `--convert-types`: a column type change that converts values is a step
 * (ALTER COLUMN … TYPE … USING), not a decision left to a person. Each case
 * is a round trip on a real server with rows that convert both ways: up.sql
 * and down.sql applied twice with psql, no drift left, --verify agrees.
 * Defaults of the old type are dropped and set again around the conversion;
 * views over the column are dropped and created again; enums convert through
 * text.
 */
const ENUMS = `create type e1 as enum ('a', 'b', 'c');\ncreate type e2 as enum ('a', 'b', 'c', 'd');\n`;
const ARGS = ['--convert-types', '--verify', '--drop-unexpected'];

const CASES: Record<string, RoundTripCase> = {
  'text with a default to an enum with a default, a view over the column': {
    a: `${ENUMS}create table t (id int primary key, s text default 'a');\ninsert into t values (1, 'a'), (2, 'c');\ncreate view v as select id, s from t;\n`,
    b: `${ENUMS}create table t (id int primary key, s e1 default 'b');\ninsert into t values (1, 'a'), (2, 'c');\ncreate view v as select id, s from t;\n`,
    args: ARGS,
    steps: [/^drop_views:public\.v$/, /^alter_columns:public\.t\.s$/, /^views:public\.v$/],
  },
  'one enum to another (an enum array too)': {
    a: `${ENUMS}create table t (id int primary key, s e1, l e1[]);\ninsert into t values (1, 'a', '{a,b}'), (2, 'c', '{}');\n`,
    b: `${ENUMS}create table t (id int primary key, s e2, l e2[]);\ninsert into t values (1, 'a', '{a,b}'), (2, 'c', '{}');\n`,
    args: ARGS,
    steps: [/^alter_columns:public\.t\.l$/, /^alter_columns:public\.t\.s$/],
  },
  'integer to bigint under an index and a check; numeric to integer': {
    a: `create table t (id int primary key, n int check (n > 0), m numeric);\ncreate index t_n on t (n);\ninsert into t values (1, 5, 2), (2, 7, 3);\n`,
    b: `create table t (id bigint primary key, n bigint check (n > 0), m integer);\ncreate index t_n on t (n);\ninsert into t values (1, 5, 2), (2, 7, 3);\n`,
    args: ARGS,
    steps: [/^alter_columns:public\.t\.id$/, /^alter_columns:public\.t\.m$/, /^alter_columns:public\.t\.n$/],
  },
};

describeRoundTripCases('convert', CASES);

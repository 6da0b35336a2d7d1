-- The database: comments to change, add and remove on every kind that has them; an extension the expected schema lacks.
CREATE EXTENSION hstore;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'old app';
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
COMMENT ON TYPE app.mood IS 'old mood';
CREATE DOMAIN app.year AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.counter;
COMMENT ON SEQUENCE app.counter IS 'old counter';
CREATE TABLE app.t (
  id integer PRIMARY KEY,
  a text,
  m app.mood,
  y app.year,
  CONSTRAINT t_a_check CHECK (a <> '')
);
COMMENT ON TABLE app.t IS 'old table';
COMMENT ON COLUMN app.t.a IS 'a column comment the expected schema drops';
CREATE INDEX t_a_idx ON app.t (a);
COMMENT ON CONSTRAINT t_a_check ON app.t IS E'it''s \\ old';

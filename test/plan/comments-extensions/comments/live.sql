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
CREATE FUNCTION app.f(integer, text) RETURNS integer LANGUAGE sql AS 'SELECT $1';
COMMENT ON FUNCTION app.f(integer, text) IS 'old function';
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
CREATE AGGREGATE app.cnt(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
COMMENT ON AGGREGATE app.cnt(*) IS 'old aggregate';
CREATE VIEW app.v AS SELECT id FROM app.t;
COMMENT ON VIEW app.v IS 'old view';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER t_touch ON app.t IS 'old trigger';

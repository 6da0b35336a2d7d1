-- The expected schema: the same objects, other comments (quotes, backslashes, newlines, dollar quotes); citext, not hstore.
CREATE EXTENSION citext;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'new app';
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
COMMENT ON TYPE app.mood IS E'new\nmood';
CREATE DOMAIN app.year AS integer CHECK (VALUE > 0);
COMMENT ON DOMAIN app.year IS 'added $$ dollar $sa$ quotes';
CREATE SEQUENCE app.counter;
CREATE TABLE app.t (
  id integer PRIMARY KEY,
  a text,
  m app.mood,
  y app.year,
  CONSTRAINT t_a_check CHECK (a <> '')
);
COMMENT ON TABLE app.t IS 'new table';
COMMENT ON COLUMN app.t.m IS 'how it went';
CREATE INDEX t_a_idx ON app.t (a);
COMMENT ON INDEX app.t_a_idx IS 'added index comment';
COMMENT ON CONSTRAINT t_a_check ON app.t IS 'new check; DROP TABLE app.t; --';
CREATE FUNCTION app.f(integer, text) RETURNS integer LANGUAGE sql AS 'SELECT $1';
COMMENT ON FUNCTION app.f(integer, text) IS 'new function';
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
COMMENT ON PROCEDURE app.p() IS 'added procedure';
CREATE AGGREGATE app.cnt(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
CREATE VIEW app.v AS SELECT id FROM app.t;
COMMENT ON VIEW app.v IS 'new view';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER t_touch ON app.t IS 'new trigger';

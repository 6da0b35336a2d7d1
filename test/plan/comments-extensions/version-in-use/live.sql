-- pg_trgm 1.3, used by an index: going back from 1.4 cannot drop it.
CREATE EXTENSION pg_trgm VERSION '1.3';
CREATE TABLE words (w text);
CREATE INDEX words_w_trgm ON words USING gin (w gin_trgm_ops);
INSERT INTO words VALUES ('kept');

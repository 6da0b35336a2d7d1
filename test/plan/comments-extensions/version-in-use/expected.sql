CREATE EXTENSION pg_trgm VERSION '1.4';
CREATE TABLE words (w text);
CREATE INDEX words_w_trgm ON words USING gin (w gin_trgm_ops);

-- pg_trgm 1.3 (its base script ships with PostgreSQL 14 to 18), in public.
CREATE EXTENSION pg_trgm VERSION '1.3';

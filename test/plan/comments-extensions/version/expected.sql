-- pg_trgm 1.4: an update script 1.3--1.4 exists; none goes back.
CREATE EXTENSION pg_trgm VERSION '1.4';

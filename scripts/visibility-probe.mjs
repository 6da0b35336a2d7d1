#!/usr/bin/env node
// Experiment (issue #12 part 3): what does schema-audit read that a
// less-privileged audit role cannot see, or sees differently from a
// superuser? Starts an embedded server (PG_MAJOR, default 17), builds a
// database with every kind schema-audit reads (and some it lists as not
// compared), then reads it as the superuser and as several roles, and
// prints, per role, how the read differs (or the error), plus direct probes
// of the catalog views and functions known to filter for non-superusers.
// Usage: npm run build && PG_MAJOR=14 node scripts/visibility-probe.mjs
import pg from 'pg';
import { provisionServer } from '../dist/server/provision.js';
import { parseMajor } from '../dist/server/binaries.js';
import { readLiveSchema } from '../dist/introspect/read-live-schema.js';

const server = await provisionServer({ major: parseMajor(process.env.PG_MAJOR), env: { ...process.env, SCHEMA_AUDIT_SERVER: 'embedded' } });
const urlOf = (db, user, pw) => { const u = new URL(server.url); u.pathname = `/${db}`; if (user) { u.username = user; u.password = pw; } return u.toString(); };
async function run(url, text) { const c = new pg.Client({ connectionString: url }); await c.connect(); try { return (await c.query(text)).rows; } finally { await c.end(); } }
const out = [];
const log = (...a) => { out.push(a.join(' ')); console.log(...a); };
try {
  await run(server.url, 'create database probe');
  const su = urlOf('probe');
  await run(su, `
    create schema app; create schema hidden;
    create extension if not exists plpgsql;
    create type app.state as enum ('a','b');
    create domain app.pos as int check (value > 0);
    create type app.pair as (x int, y int);
    create table app.t (id int generated always as identity primary key, s app.state, n int default 1 check (n > 0), note text);
    create index t_n on app.t (n) where n > 1;
    create table app.nosel (id serial primary key, v text);
    create sequence app.seq; select nextval('app.seq');
    create sequence app.seq_nopriv; select nextval('app.seq_nopriv'); select nextval('app.seq_nopriv');
    create function app.f(a int) returns int language sql as 'select a + 1';
    create function app.g(a int) returns int language sql begin atomic select a * 2; end;
    create function app.secret() returns text language plpgsql security definer as $$ begin return 'sk_live_xyz'; end $$;
    revoke all on function app.secret() from public;
    create function app.trg() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger t_trg before update on app.t for each row execute function app.trg();
    create function app.evt() returns event_trigger language plpgsql as $$ begin end $$;
    create event trigger probe_evt on ddl_command_end execute function app.evt();
    create view app.v as select id, n from app.t;
    create materialized view app.mv as select id from app.t;
    alter table app.t enable row level security;
    create policy p on app.t using (n > 0);
    grant select on app.t to public;
    alter default privileges in schema app grant select on tables to public;
    create table hidden.h (id int primary key, x text);
    create function hidden.hf() returns int language sql as 'select 1';
    create view hidden.hv as select * from hidden.h;
    comment on table hidden.h is 'hidden comment';
    create statistics app.st on id, n from app.t;
    create publication pub for table app.t;
    create subscription sub connection 'host=localhost dbname=nowhere password=s3cret' publication pub with (connect = false);
    create foreign data wrapper fdw; create server srv foreign data wrapper fdw options (host 'h');
    create user mapping for public server srv options (user 'u', password 'mapping-secret');
    revoke all on schema public from public;
    revoke all on schema hidden from public;
    analyze;
  `);
  // Roles.
  const roles = {
    connect_usage: `grant connect on database probe to %R; grant usage on schema app, public, hidden to %R;`,
    connect_only: `grant connect on database probe to %R;`,
    no_usage_hidden: `grant connect on database probe to %R; grant usage on schema app, public to %R;`,
    read_all_stats: `grant connect on database probe to %R; grant usage on schema app, public, hidden to %R; grant pg_read_all_stats to %R;`,
  };
  for (const [r, grants] of Object.entries(roles)) {
    await run(su, `create role ${r} login password 'pw'; ${grants.replaceAll('%R', r)}`);
  }
  // app.nosel: PUBLIC has no SELECT on it anyway; app.seq_nopriv: no grant.
  const base = await readLiveSchema(su);
  const norm = (r) => JSON.stringify({ model: r.model, uncovered: r.uncovered, indexUsage: r.indexUsage ?? null, unavailable: r.indexUsageUnavailable ?? null, notRead: r.notRead ?? null, missingSchemas: r.missingSchemas });
  for (const r of Object.keys(roles)) {
    try {
      const got = await readLiveSchema(urlOf('probe', r, 'pw'));
      const same = norm(got) === norm(base);
      log(`read as ${r}: ${same ? 'SAME model, coverage list and index counters as the superuser' : 'DIFFERS'}`);
      if (!same) {
        const a = JSON.parse(norm(base)), b = JSON.parse(norm(got));
        for (const k of Object.keys(a)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) log(`  differs in ${k}: super=${JSON.stringify(a[k]).slice(0, 300)} role=${JSON.stringify(b[k]).slice(0, 300)}`);
      }
    } catch (e) { log(`read as ${r}: ERROR ${e.message}`); }
  }
  // Hardened catalogs: a DBA hides function source (a known practice) or other catalogs from PUBLIC.
  const hardenings = [
    ['pg_proc.prosrc revoked (column grants for the rest)', `revoke select on pg_catalog.pg_proc from public; grant select (${'%COLS%'}) on pg_catalog.pg_proc to public`],
    ['pg_proc revoked', `revoke select on pg_catalog.pg_proc from public`],
    ['pg_policy revoked', `revoke select on pg_catalog.pg_policy from public`],
    ['pg_event_trigger revoked', `revoke select on pg_catalog.pg_event_trigger from public`],
    ['pg_trigger revoked', `revoke select on pg_catalog.pg_trigger from public`],
    ['pg_description revoked', `revoke select on pg_catalog.pg_description from public`],
    ['pg_ts_config revoked', `revoke select on pg_catalog.pg_ts_config from public`],
    ['pg_get_functiondef/pg_get_viewdef EXECUTE revoked', `revoke execute on function pg_catalog.pg_get_viewdef(oid, boolean) from public; revoke execute on function pg_catalog.pg_get_function_sqlbody(oid) from public`],
  ];
  const cols = (await run(su, `select string_agg(quote_ident(attname), ', ') as c from pg_attribute where attrelid = 'pg_catalog.pg_proc'::regclass and attnum > 0 and attname <> 'prosrc'`))[0].c;
  for (const [what, revoke] of hardenings) {
    await run(su, `begin; ${revoke.replace('%COLS%', cols)}; commit`);
    try {
      const got = await readLiveSchema(urlOf('probe', 'connect_usage', 'pw'));
      log(`hardened (${what}), read as connect_usage: ${norm(got) === norm(base) ? "SAME" : "DIFFERS"}; not visible: ${JSON.stringify(got.notVisible ?? null)}`);
    } catch (e) { log(`hardened (${what}), read as connect_usage: ERROR ${e.message}`); }
    await run(su, `grant select on pg_catalog.pg_proc, pg_catalog.pg_policy, pg_catalog.pg_event_trigger, pg_catalog.pg_trigger, pg_catalog.pg_description, pg_catalog.pg_ts_config to public; grant execute on function pg_catalog.pg_get_viewdef(oid, boolean), pg_catalog.pg_get_function_sqlbody(oid) to public`);
  }
  // Direct probes: things the read does not use but a reader might expect to.
  const probes = [
    ['pg_sequences.last_value (no privilege on app.seq_nopriv)', `select sequencename, last_value from pg_sequences where schemaname='app' order by 1`],
    ['pg_sequence_last_value() direct', `select pg_sequence_last_value('app.seq_nopriv'::regclass)`],
    ['pg_sequence (catalog) rows', `select seqrelid::regclass::text, seqstart, seqmax from pg_sequence order by 1`],
    ['pg_subscription subname', `select subname from pg_subscription`],
    ['pg_subscription subconninfo', `select subconninfo from pg_subscription`],
    ['pg_user_mapping', `select * from pg_user_mapping`],
    ['pg_user_mappings.umoptions', `select srvname, usename, umoptions from pg_user_mappings`],
    ['pg_stat_user_tables (no SELECT on app.nosel)', `select relname, seq_scan is not null as has_counts from pg_stat_user_tables where relname in ('t','nosel','h') order by 1`],
    ['pg_stat_get_numscans', `select pg_stat_get_numscans('app.t_pkey'::regclass) is not null as ok`],
    ['pg_relation_size of a table without SELECT', `select pg_relation_size('app.nosel'::regclass) >= 0 as ok`],
    ['pg_class.reltuples of a table without SELECT', `select reltuples from pg_class where oid = 'app.nosel'::regclass`],
    ['pg_stats rows (no SELECT on app.nosel)', `select count(*) from pg_stats where tablename = 'nosel'`],
    ['pg_statistic', `select count(*) from pg_statistic`],
    ['pg_statistic_ext_data', `select count(*) from pg_statistic_ext_data`],
    ['pg_proc.prosrc of a SECURITY DEFINER function without EXECUTE', `select prosrc from pg_proc where proname = 'secret'`],
    ['pg_get_functiondef without EXECUTE', `select pg_get_functiondef('app.secret()'::regprocedure) like '%sk_live%' as shows_body`],
    ['pg_get_functiondef in a schema without USAGE (by OID)', `select pg_get_functiondef(oid) is not null as ok from pg_proc where proname = 'hf'`],
    ['pg_get_viewdef in a schema without USAGE (by OID)', `select pg_get_viewdef(oid) is not null as ok from pg_class where relname = 'hv'`],
    ['regclass text cast into a schema without USAGE', `select 'hidden.h'::regclass`],
    ['to_regclass into a schema without USAGE', `select to_regclass('hidden.h')`],
    ['oid::regclass output for a schema without USAGE', `select oid::regclass::text from pg_class where relname = 'h'`],
    ['pg_event_trigger', `select evtname from pg_event_trigger`],
    ['pg_policy', `select polname, pg_get_expr(polqual, polrelid) from pg_policy`],
    ['pg_default_acl', `select count(*) from pg_default_acl`],
    ['pg_authid', `select count(*) from pg_authid`],
    ['pg_roles.rolpassword', `select distinct rolpassword from pg_roles`],
    ['pg_description of a hidden-schema table', `select description from pg_description where description = 'hidden comment'`],
    ['pg_stat_database.stats_reset', `select datname from pg_stat_database where datname = current_database()`],
    ['LOCK TABLE without SELECT', `begin; lock table app.nosel in access share mode; commit`],
  ];
  // Another session (the superuser's) holds a lock on app.t while the probes run: what do other roles see of it?
  const holder = new pg.Client({ connectionString: su });
  await holder.connect();
  await holder.query(`begin; lock table app.t in access share mode; select 'holding a lock'`);
  probes.push(
    ['pg_locks: the other session\'s lock on app.t (what lockHolders reads)', `select count(*) as locks from pg_locks where relation = 'app.t'::regclass and pid <> pg_backend_pid()`],
    ['pg_stat_activity: the other session\'s query', `select query from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend'`],
  );
  for (const r of ['postgres-superuser', ...Object.keys(roles)]) {
    const url = r === 'postgres-superuser' ? su : urlOf('probe', r, 'pw');
    log(`\n== probes as ${r}`);
    for (const [what, q] of probes) {
      try { log(`  ${what}: ${(JSON.stringify(await run(url, q)) ?? "ok").slice(0, 200)}`); } catch (e) { log(`  ${what}: ERROR ${e.message}`); }
    }
  }
  await holder.end();
} finally {
  await server.stop();
}

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeTarget, driverSettings, targetInfo } from './connect.js';
import { environmentNamesServer, resolveConnection } from './conninfo.js';
import { lookupPassword, readService } from './libpq-files.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'sa-conninfo-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** An environment with only HOME (so no user file of the machine is read) and what the test sets. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: home, PGSYSCONFDIR: path.join(home, 'etc'), ...extra };
}

function params(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

/** The driver's settings of a resolved connection. */
function settings(given: string | undefined, e: NodeJS.ProcessEnv = env()) {
  return driverSettings(resolveConnection(given, e)).config;
}

describe('resolveConnection: the same connection psql would make', () => {
  test('a URL is kept; sslmode defaults to prefer; the password goes to the driver only', () => {
    const url = resolveConnection('postgres://alice:s%40cret@db.example:6543/app', env());
    expect(url.startsWith('postgresql://alice@db.example:6543/app?')).toBe(true);
    expect(params(url)).toMatchObject({ sslmode: 'prefer', password: 's@cret', application_name: 'schema-audit' });
    expect(describeTarget(url)).toBe('db.example:6543/app');
    expect(settings('postgres://alice:s%40cret@db.example:6543/app')).toMatchObject({ host: 'db.example', port: 6543, user: 'alice', database: 'app', password: 's@cret' });
  });

  test('libpq key=value pairs, quoted values included', () => {
    const url = resolveConnection("host=db.example port=5433 dbname='my app' user=bob password='it\\'s' sslmode=disable", env());
    expect(targetInfo(url)).toMatchObject({ host: 'db.example', port: 5433, user: 'bob', location: 'db.example:5433/my app' });
    expect(settings("host=db.example dbname=app user=bob password='a b\\'c' sslmode=disable")).toMatchObject({ password: "a b'c", ssl: false });
  });

  test('without a connection string the PG* variables say where; defaults as libpq (user from PGUSER, database named after the user)', () => {
    expect(environmentNamesServer(env())).toBe(false);
    const e = env({ PGHOST: 'pg.internal', PGPORT: '5444', PGUSER: 'carol', PGPASSWORD: 'pw', PGAPPNAME: 'nightly' });
    expect(environmentNamesServer(e)).toBe(true);
    const url = resolveConnection(undefined, e);
    expect(describeTarget(url)).toBe('pg.internal:5444/carol');
    expect(params(url)).toMatchObject({ password: 'pw', application_name: 'nightly' });
  });

  test('what the string gives wins over the environment', () => {
    const url = resolveConnection('postgres://dave@db/app', env({ PGHOST: 'other', PGUSER: 'eve', PGDATABASE: 'x', PGPASSWORD: 'pw' }));
    expect(targetInfo(url)).toMatchObject({ host: 'db', user: 'dave', location: 'db:5432/app' });
    expect(params(url).password).toBe('pw');
  });

  test('a service from pg_service.conf fills what the string leaves out, before the environment', () => {
    writeFileSync(path.join(home, '.pg_service.conf'), '# services\n[prod]\nhost=prod.db\nport=6000\ndbname=app\n\n[other]\nhost=nope\n');
    const url = resolveConnection('service=prod user=ops', env({ PGPORT: '7000' }));
    expect(targetInfo(url)).toMatchObject({ host: 'prod.db', port: 6000, user: 'ops', location: 'prod.db:6000/app' });
    expect(describeTarget(resolveConnection(undefined, env({ PGSERVICE: 'prod' })))).toBe('prod.db:6000/app');
    // The system file is read when the user's lacks the service.
    mkdirSync(path.join(home, 'etc'));
    writeFileSync(path.join(home, 'etc', 'pg_service.conf'), '[sys]\nhost=sys.db\n');
    expect(describeTarget(resolveConnection('service=sys dbname=d', env()))).toBe('sys.db:5432/d');
    expect(() => resolveConnection('service=missing', env())).toThrow(/definition of service "missing" not found/);
    writeFileSync(path.join(home, '.pg_service.conf'), '[bad]\nhost=x\nshell=rm -rf /\n');
    expect(() => resolveConnection('service=bad', env())).toThrow(/unknown keyword "shell" in service "bad"/);
  });

  test('sslmode is checked; requiressl=1 means require; a socket directory never uses TLS', () => {
    expect(() => resolveConnection('postgres://u@db/app?sslmode=sometimes', env())).toThrow(/invalid sslmode "sometimes"/);
    expect(params(resolveConnection('host=db requiressl=1', env())).sslmode).toBe('require');
    expect(settings('postgres://u@db/app?sslmode=require').ssl).toEqual({ rejectUnauthorized: false });
    expect(settings('postgres://u@db/app?sslmode=disable').ssl).toBe(false);
    expect(settings('host=/var/run/postgresql dbname=app user=u sslmode=verify-full').ssl).toBe(false);
    expect(describeTarget(resolveConnection('host=/var/run/postgresql dbname=app user=u', env()))).toBe('/var/run/postgresql:5432/app');
  });

  test('verify-ca and verify-full need a root certificate, as libpq; with one the driver verifies (the name only for verify-full)', () => {
    expect(() => resolveConnection('postgres://u@db/app?sslmode=verify-full', env())).toThrow(/root certificate file ".*root\.crt" does not exist/);
    const ca = path.join(home, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n');
    const full = settings(`postgres://u@db/app?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`).ssl as Record<string, unknown>;
    expect(full.rejectUnauthorized).toBe(true);
    expect(String(full.ca)).toContain('not really');
    expect(full.checkServerIdentity).toBeUndefined();
    const verifyCa = settings(`postgres://u@db/app?sslmode=verify-ca&sslrootcert=${encodeURIComponent(ca)}`).ssl as Record<string, unknown>;
    expect(typeof verifyCa.checkServerIdentity).toBe('function');
    const system = settings('postgres://u@db/app?sslmode=verify-full&sslrootcert=system').ssl as Record<string, unknown>;
    expect(system).toMatchObject({ rejectUnauthorized: true });
    expect(system.ca).toBeUndefined();
    // require with ~/.postgresql/root.crt present verifies the CA (libpq).
    mkdirSync(path.join(home, '.postgresql'));
    writeFileSync(path.join(home, '.postgresql', 'root.crt'), 'x');
    expect(settings('postgres://u@db/app?sslmode=require').ssl).toMatchObject({ rejectUnauthorized: true });
  });

  test('connect_timeout: --connect-timeout wins, then the string, then PGCONNECT_TIMEOUT; at least 2 s; bad values refused', () => {
    const ms = (url: string): number | undefined => driverSettings(url).config.connectionTimeoutMillis;
    expect(ms(resolveConnection('postgres://u@db/app', env()))).toBe(10_000);
    expect(ms(resolveConnection('postgres://u@db/app', env({ PGCONNECT_TIMEOUT: '4' })))).toBe(4000);
    expect(ms(resolveConnection('postgres://u@db/app?connect_timeout=1', env()))).toBe(2000);
    expect(ms(resolveConnection('postgres://u@db/app?connect_timeout=7', env(), { connectTimeoutS: 3 }))).toBe(3000);
    expect(() => resolveConnection('postgres://u@db/app?connect_timeout=soon', env())).toThrow(/invalid connect_timeout/);
    expect(() => resolveConnection('host=db port=99999', env())).toThrow(/not a connection string|invalid port/);
  });

  test('a connection string that cannot be read is refused without its password', () => {
    for (const bad of ["host=db password='s3cret", 'mysql://u:s3cret@db/app', 'postgres://u:s3cret@a,b/app']) {
      expect(() => resolveConnection(bad, env())).toThrow();
      try {
        resolveConnection(bad, env());
      } catch (e) {
        expect((e as Error).message).not.toContain('s3cret');
      }
    }
  });
});

describe('.pgpass, read as libpq reads it', () => {
  const target = { host: 'db.example', port: 5432, database: 'app', user: 'alice' };

  test('the first matching line; * matches anything; \\: and \\\\ are escapes; # lines are comments', () => {
    const file = path.join(home, '.pgpass');
    writeFileSync(file, '# comment\nother:5432:app:alice:no\ndb.example:*:app:alice:pa\\:ss\\\\word\n*:*:*:*:fallback\n', { mode: 0o600 });
    expect(lookupPassword(file, target)).toEqual({ kind: 'found', password: 'pa:ss\\word' });
    expect(lookupPassword(file, { ...target, user: 'bob' })).toEqual({ kind: 'found', password: 'fallback' });
  });

  test('a socket directory matches localhost lines', () => {
    const file = path.join(home, 'pw');
    writeFileSync(file, 'localhost:5432:app:alice:local\n', { mode: 0o600 });
    expect(lookupPassword(file, { ...target, host: '/var/run/postgresql' })).toEqual({ kind: 'found', password: 'local' });
    expect(lookupPassword(file, target)).toEqual({ kind: 'none' });
  });

  test('the resolved URL names the file, not the password; the driver gets the password', () => {
    writeFileSync(path.join(home, '.pgpass'), 'db.example:5432:app:alice:from-file\n', { mode: 0o600 });
    const url = resolveConnection('postgres://alice@db.example/app', env());
    expect(url).not.toContain('from-file');
    expect(params(url).passfile).toBe(path.join(home, '.pgpass'));
    expect(driverSettings(url).config.password).toBe('from-file');
    // PGPASSFILE points elsewhere.
    writeFileSync(path.join(home, 'other'), '*:*:*:*:other\n', { mode: 0o600 });
    expect(driverSettings(resolveConnection('postgres://alice@db.example/app', env({ PGPASSFILE: path.join(home, 'other') }))).config.password).toBe('other');
  });

  test('a file others may read is ignored, and the error says why when the server asks for a password', () => {
    if (process.platform === 'win32') return;
    const file = path.join(home, '.pgpass');
    writeFileSync(file, '*:*:*:*:secret\n');
    chmodSync(file, 0o644);
    expect(lookupPassword(file, target)).toEqual({ kind: 'ignored', file });
    const password = driverSettings(resolveConnection('postgres://alice@db.example/app', env())).config.password as () => string;
    expect(typeof password).toBe('function');
    expect(() => password()).toThrow(/was ignored: group or others may read it \(chmod 600 it\)/);
  });

  test('no file, no password: the driver does not look for one itself, and says so if the server asks', () => {
    const password = driverSettings(resolveConnection('postgres://alice@db.example/app', env())).config.password as () => string;
    expect(() => password()).toThrow(/none in the connection string or \$PGPASSWORD, and no password file/);
  });
});

test('readService takes the first file that defines the service', () => {
  const a = path.join(home, 'a.conf');
  const b = path.join(home, 'b.conf');
  writeFileSync(a, '[x]\nhost=a\n');
  writeFileSync(b, '[x]\nhost=b\n[y]\nhost=y\n');
  expect(readService('x', [a, b])?.settings).toEqual([['host', 'a']]);
  expect(readService('y', [path.join(home, 'none'), a, b])).toEqual({ file: b, settings: [['host', 'y']] });
});

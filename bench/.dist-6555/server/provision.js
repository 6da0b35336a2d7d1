import { existsSync } from 'node:fs';
import http from 'node:http';
import { DEFAULT_MAJOR } from './binaries.js';
import { startEmbeddedServer } from './embedded.js';
export async function provisionServer(options = {}) {
    const major = options.major ?? DEFAULT_MAJOR;
    if (options.url) {
        return { kind: 'external', url: options.url, major: null, description: 'external server', stop: async () => undefined };
    }
    const env = options.env ?? process.env;
    const forced = env.SCHEMA_AUDIT_SERVER;
    if (forced && forced !== 'embedded' && forced !== 'container') {
        throw new RangeError(`SCHEMA_AUDIT_SERVER must be "embedded" or "container", not "${forced}"`);
    }
    if (forced === 'container' || (forced !== 'embedded' && (await dockerReachable(env)))) {
        return startContainer(major);
    }
    const server = await startEmbeddedServer({ major, ...(options.onLog ? { onLog: options.onLog } : {}) });
    return {
        kind: 'embedded',
        url: server.url,
        major,
        description: `embedded PostgreSQL ${major} on port ${server.port} (pid ${server.pid}, ${server.baseDir})`,
        stop: () => server.stop(),
    };
}
/**
 * True when a Docker engine answers `GET /_ping` on its unix socket within a
 * second. A `docker` client binary alone (as on our machines) is not enough.
 */
export async function dockerReachable(env = process.env) {
    const host = env.DOCKER_HOST;
    let socketPath = '/var/run/docker.sock';
    if (host) {
        if (!host.startsWith('unix://'))
            return true; // tcp:// etc.: let testcontainers try it
        socketPath = host.slice('unix://'.length);
    }
    if (!existsSync(socketPath))
        return false;
    return new Promise((resolve) => {
        const req = http.get({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
    });
}
async function startContainer(major) {
    // Loaded lazily: only machines with a Docker engine pay for it.
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(`postgres:${major}-alpine`).start();
    return {
        kind: 'container',
        url: container.getConnectionUri(),
        major,
        description: `container postgres:${major}-alpine (${container.getId().slice(0, 12)})`,
        stop: async () => {
            await container.stop();
        },
    };
}
//# sourceMappingURL=provision.js.map
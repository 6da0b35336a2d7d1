import { spawn } from 'node:child_process';

/**
 * Run a SQL file with the real `psql` client, as a user would load a script:
 * `psql -X -q -v ON_ERROR_STOP=1 -d URL -f FILE` (no ~/.psqlrc, stop at the
 * first error). `PSQL` names another psql binary. The password travels in
 * the environment (PGPASSWORD), not on the command line.
 */
export interface PsqlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runPsqlFile(url: string, file: string): Promise<PsqlResult> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  if (password) env.PGPASSWORD = password;
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PSQL ?? 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', u.toString(), '-f', file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Run a SQL file with psql; throw with psql's stderr when it fails. */
export async function applySqlFile(url: string, file: string): Promise<void> {
  const r = await runPsqlFile(url, file);
  if (r.code !== 0) throw new Error(`psql -f ${file} exited ${r.code}:\n${r.stderr}`);
}

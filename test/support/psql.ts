import { spawn } from 'node:child_process';

/**
 * Apply a SQL file the way a user would: `psql -X -q -v ON_ERROR_STOP=1 -f FILE`.
 * psql comes from the machine (Debian's postgresql-client; .ci/run installs it).
 */
export function runPsqlFile(url: string, file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Like runPsqlFile, but throws with psql's stderr when it fails. */
export async function applySqlFile(url: string, file: string): Promise<void> {
  const r = await runPsqlFile(url, file);
  if (r.code !== 0) throw new Error(`psql -f ${file} exited ${r.code}:\n${r.stderr}`);
}

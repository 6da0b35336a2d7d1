/** Everything a command may touch of the outside world; tests pass fakes. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /**
   * Register cleanup for Ctrl-C / SIGTERM (stopping a server we started);
   * returns the function that unregisters it.
   */
  onInterrupt(cleanup: () => Promise<void>): () => void;
}

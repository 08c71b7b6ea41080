/** Runs the `lagebild` command as a user would, and captures what it says. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the command did. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `lagebild ...args` from the checkout. */
export function runLagebild(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['bin/lagebild.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

import { main } from '../../src/cli/main.js';
import type { IO } from '../../src/cli/io.js';
import { readFileSync } from 'node:fs';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
  now?: Date;
  files?: Record<string, string>;
  stdin?: string;
}

/** An IO that captures what is written. Warnings about catalog age are off unless asked. */
export function captureIO(opts: RunOptions = {}): { io: IO; output: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: { write: (s) => void (stdout += s), isTTY: opts.tty ?? false, columns: opts.columns ?? 80 },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
    stdinIsTTY: opts.tty ?? false,
    env: { MODEL_ADVISOR_NO_STALE_WARNING: '1', MODEL_ADVISOR_CACHE_DIR: process.env.MODEL_ADVISOR_CACHE_DIR, ...opts.env },
    now: () => opts.now ?? new Date('2026-11-22T12:00:00Z'),
    readFile: (p) => (opts.files && p in opts.files ? opts.files[p]! : readFileSync(p, 'utf8')),
    ...(opts.stdin !== undefined ? { readStdin: async () => opts.stdin! } : {}),
  };
  return { io, output: () => ({ stdout, stderr }) };
}

/** The real CLI, in process, with captured output. */
export async function runCli(argv: string[], opts: RunOptions = {}): Promise<CliRun> {
  const { io, output } = captureIO(opts);
  const code = await main(argv, io);
  return { code, ...output() };
}

export function json(r: CliRun): any {
  return JSON.parse(r.stdout);
}

/** An IO and a Context for calling command modules directly (the wizard with scripted prompts). */
export async function testContext(opts: RunOptions = {}) {
  const { Context } = await import('../../src/cli/context.js');
  const { join } = await import('node:path');
  const { io, output } = captureIO({ ...opts, env: { NO_COLOR: '1', ...opts.env } });
  const ctx = new Context(io, {}, () => join(__dirname, '..', '..', 'data', 'catalog.jsonl'));
  return { ctx, output };
}

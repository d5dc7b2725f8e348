import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const lazyRequire = createRequire(import.meta.filename);

/**
 * Everything a command may touch outside itself. The real one wraps process; tests pass their own,
 * so the whole CLI runs in-process with captured output.
 */
export interface IO {
  stdout: { write(s: string): void; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): void; isTTY?: boolean };
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  now(): Date;
  readFile(path: string): string;
  /** All of standard input as text (for `tokens -`); absent where there is none to read. */
  readStdin?(): Promise<string>;
  /** Asks a question at the terminal and returns the line typed (for `latency probe`'s confirmation). */
  ask?(question: string): Promise<string>;
}

/**
 * The real IO. Output to a pipe or a file goes straight to the file descriptor: creating Node's
 * process.stdout stream costs more than a command's whole start-up budget. At a terminal the
 * streams are used (they handle the terminal); whether a descriptor is a terminal is asked only
 * when needed, and the tty module loads only for character devices.
 */
export function processIO(): IO {
  const tty = new Map<number, boolean>();
  const isTTY = (fd: number): boolean => {
    let v = tty.get(fd);
    if (v === undefined) {
      try {
        // A pipe or a file is not a terminal; a character device may be one (or /dev/null).
        v = fstatSync(fd).isCharacterDevice() && (lazyRequire('node:tty') as typeof import('node:tty')).isatty(fd);
      } catch {
        v = false;
      }
      tty.set(fd, v);
    }
    return v;
  };
  const writer = (fd: 1 | 2) => (s: string) => {
    if (isTTY(fd)) void (fd === 1 ? process.stdout : process.stderr).write(s);
    else writeAll(fd, s);
  };
  return {
    stdout: {
      write: writer(1),
      get isTTY() {
        return isTTY(1);
      },
      get columns() {
        return isTTY(1) ? process.stdout.columns : undefined;
      },
    },
    stderr: {
      write: writer(2),
      get isTTY() {
        return isTTY(2);
      },
    },
    get stdinIsTTY() {
      return isTTY(0);
    },
    env: process.env,
    now: () => new Date(),
    readFile: readUserFile,
    ask: async (question) => {
      const { createInterface } = lazyRequire('node:readline') as typeof import('node:readline');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await new Promise<string>((resolve) => rl.question(question, resolve));
      } finally {
        rl.close();
      }
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of process.stdin) {
        size += (c as Buffer).length;
        if (size > MAX_READ_BYTES) throw readError('EFBIG', `standard input is over ${MAX_READ_BYTES / 1048576} MiB`);
        chunks.push(c as Buffer);
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        throw readError('EUTF8', 'standard input is not valid UTF-8');
      }
    },
  };
}

/** The largest file read (a --catalog file): checked in bytes before reading. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * A file a person names, read with checks first: a regular file (not a FIFO, device or directory,
 * which could hang or never end), its size in bytes under the limit, and valid UTF-8.
 */
export function readUserFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw readError('EISDIR', 'is a directory, not a file');
    if (!st.isFile()) throw readError('ENOTFILE', 'is not a regular file (a FIFO, device or socket): give a file');
    if (st.size > MAX_READ_BYTES)
      throw readError('EFBIG', `is ${(st.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_READ_BYTES / 1048576} MiB`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, off));
    } catch {
      throw readError('EUTF8', 'is not valid UTF-8');
    }
  } finally {
    closeSync(fd);
  }
}

function readError(code: string, message: string): NodeJS.ErrnoException {
  const e = new Error(message) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** Writes all of `s` to a descriptor, waiting out EAGAIN on a non-blocking pipe. EPIPE is thrown. */
function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** Colour level for stdout: NO_COLOR wins, then FORCE_COLOR, then whether stdout is a terminal. */
export function colorLevel(io: IO, stream: 'stdout' | 'stderr' = 'stdout'): 0 | 1 {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return 0;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR === '0' || FORCE_COLOR === 'false' ? 0 : 1;
  return io[stream].isTTY ? 1 : 0;
}

/** Terminal width for layout decisions; 80 when unknown (pipes, tests). */
export function terminalWidth(io: IO): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 20) return fromEnv;
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
}

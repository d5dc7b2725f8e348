import type { Context } from './context.js';

export interface Progress<Id extends string = string> {
  bytes(id: Id, received: number, total: number | undefined): void;
  step(what: string): void;
  done(): void;
}

/** One line on stderr, redrawn, when stderr is a terminal; nothing otherwise. */
export function progressLine<Id extends string>(ctx: Context): Progress<Id> {
  if (!ctx.io.stderr.isTTY || ctx.globals.quiet) return { bytes() {}, step() {}, done() {} };
  const got = new Map<Id, string>();
  let last = 0;
  let shown = false;
  const draw = (line: string) => {
    ctx.io.stderr.write(`\r\u001b[2K${line}`);
    shown = true;
  };
  return {
    bytes(id, n, total) {
      got.set(id, `${id} ${mb(n)}${total ? ` of ${mb(total)}` : ''}`);
      const t = Date.now();
      if (t - last < 100 && n !== total) return;
      last = t;
      draw(`downloading: ${[...got.values()].join(', ')}`);
    },
    step(what) {
      draw(`${what}...`);
    },
    done() {
      if (shown) ctx.io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}

function mb(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;
}

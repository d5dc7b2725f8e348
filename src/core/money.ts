/**
 * Money. Amounts are USD numbers computed in floating point; every amount that leaves the core is
 * passed through `roundMoney`, which rounds to 12 significant digits: far below a millionth of a
 * cent for any realistic bill, and enough to remove binary noise (0.30000000000000004 -> 0.3).
 * That is the rounding rule of the JSON output. Display rounds further (see formatUsd).
 */
export const JSON_MONEY_RULE =
  'USD amounts are rounded to 12 significant digits; display rounds to cents, or to 3 significant digits below $0.10';

export function roundMoney(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n === 0 ? 0 : n;
  // Whole numbers below 1e12 (token counts, most volumes) already have at most 12 digits.
  if (Number.isInteger(n) && n < 1e12 && n > -1e12) return n;
  // Scale to a 12-digit integer, round, scale back: the division by a power of ten gives the
  // double nearest the decimal, so it prints without noise. (Number(n.toPrecision(12)) does the
  // same through a string, several times slower; this runs on every amount.)
  // Only powers of ten up to 1e22 are exact doubles; beyond, or for huge amounts, use the string.
  const abs = Math.abs(n);
  const exp = 11 - Math.floor(Math.log10(abs));
  if (exp < 0 || exp > 22) return Number(n.toPrecision(12));
  const scaled = abs * POW10[exp]!;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  // Near a tie, or where log10 was one off at an exact power, the string form decides.
  if (Math.abs(frac - 0.5) < 1e-6 || scaled < 1e11 || scaled >= 1e12) return Number(n.toPrecision(12));
  const r = (frac < 0.5 ? floor : floor + 1) / POW10[exp]!;
  return n < 0 ? -r : r;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * $1,234.56 for amounts of a dollar or more, cents down to $0.10, three significant digits below
 * that, so a small amount never shows as $0.00 ($0.0003, $0.000135, $0.45, $0.012).
 */
export function formatUsd(n: number): string {
  if (n === 0) return '$0.00';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a >= 0.995) {
    return `${sign}$${groupThousands(a.toFixed(2))}`;
  }
  if (a >= 0.1) return `${sign}$${a.toFixed(2)}`;
  const digits = Math.min(14, Math.max(2, 2 - Math.floor(Math.log10(a))));
  return `${sign}$${Number(a.toPrecision(3)).toFixed(digits).replace(/0+$/, '').replace(/\.$/, '.00')}`;
}

/** A price per 1M tokens as printed in tables: $0.15, $2.50, $0.0031. */
export function formatPrice(n: number | undefined): string {
  if (n === undefined) return 'unknown';
  if (n === 0) return '$0';
  if (n >= 0.01) return `$${Number(n.toFixed(4))}`;
  return `$${Number(n.toPrecision(3))}`;
}

/**
 * "1234567.5" -> "1,234,567.5". By hand: the first toLocaleString call loads ICU data, which costs
 * more than the rest of a command's start-up.
 */
export function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A count for prose: 1000000 -> "1,000,000", 2.5 -> "2.5". */
export function formatCount(n: number): string {
  return groupThousands(String(Number(n.toFixed(2))));
}

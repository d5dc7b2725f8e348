import referenceWidth from 'string-width';
import stripAnsi from 'strip-ansi';

/**
 * The width of a string in a terminal, for cli-table3 (the build hands it this instead of its own
 * string-width). string-width 4 runs every string through a regular expression of all emoji, and
 * compiling that expression cost several milliseconds of every table drawn. Our cells are almost
 * always plain text, so strings made only of characters that are one column wide and never emoji
 * (printable ASCII, Latin-1 letters and signs, dashes, quotes, bullets, box drawing and block
 * elements) are measured by their length; anything else goes to string-width as before. A test
 * checks every character of the fast set against string-width.
 */
export const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u00ff\u2010-\u2027\u2264\u2265\u2500-\u259f]*$/;

export function stringWidth(s: string): number {
  const plain = s.includes('\u001b') ? stripAnsi(s) : s;
  return ONE_COLUMN.test(plain) ? plain.length : referenceWidth(s);
}

/**
 * The one output boundary for text meant for a terminal: control characters, escape sequences and
 * bidirectional overrides from data (a --catalog file's names, notes, provider ids) or argv are
 * shown escaped (`\x1b`, `\u202e`), never sent raw, so a shared catalog file cannot clear the
 * screen, set the window title, plant a hyperlink, overwrite a line with `\r` or reorder text.
 * Colour (SGR sequences, `ESC [ ... m`) passes only when colour is on, as chalk writes it. JSON is
 * not passed through here: JSON.stringify escapes control characters itself.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SGR = /^\u001b\[[0-9;]*m/;

export function terminalSafe(text: string, allowColor: boolean): string {
  if (!UNSAFE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (allowColor && ch === '\u001b') {
      const m = SGR.exec(text.slice(i, i + 32));
      if (m) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    }
    out += UNSAFE.test(ch) ? visible(ch) : ch;
  }
  return out;
}

function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

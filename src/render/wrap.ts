/**
 * Word-wraps prose to the terminal width. Words break only when one is longer than a whole line
 * (a URL): then after a slash, a hyphen or an ampersand, else anywhere. Ids are shorter than any
 * line, so they never break.
 */
export function wrap(text: string, width: number, indent = ''): string {
  // Measure without colour codes, so styled prose wraps where it is seen to end.
  const len = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const lead = /^ */.exec(text)![0];
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead;
  const room = Math.max(10, width - indent.length);
  for (const whole of words) {
    for (const w of splitLongWord(whole, room, len)) {
      if (line.trim() && len(line + ' ' + w) > width) {
        lines.push(line);
        line = indent + w;
      } else line = line.trim() ? `${line} ${w}` : line + w;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function splitLongWord(word: string, room: number, len: (s: string) => number): string[] {
  if (len(word) <= room || word.includes('\u001b')) return [word];
  const parts: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const cut = Math.max(rest.lastIndexOf('/', room - 1), rest.lastIndexOf('-', room - 1), rest.lastIndexOf('&', room - 1));
    const at = cut > 0 ? cut + 1 : room;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts;
}

/**
 * A command line that fits `width`, indented two spaces: broken before a flag with the shell's
 * line continuation, so it still pastes as one command. A flag and its value stay together; a
 * trailing "# comment" stays on the last line.
 */
export function wrapCommand(command: string, width: number): string {
  // Groups that never split: a flag with its value, or one other word.
  const groups: string[] = [];
  for (const w of command.split(' ')) {
    const last = groups[groups.length - 1];
    if (last?.startsWith('--') && !last.includes(' ') && !w.startsWith('-')) groups[groups.length - 1] = `${last} ${w}`;
    else groups.push(w);
  }
  const lines: string[] = [];
  let line = `  ${groups[0]}`;
  for (const g of groups.slice(1)) {
    if (line.length + 1 + g.length + 2 > width && line.trim().length > 0) {
      lines.push(`${line} \\`);
      line = `    ${g}`;
    } else line += ` ${g}`;
  }
  lines.push(line);
  return lines.join('\n');
}

// Patches the build applies to cli-table3's source: see the comment in scripts/build.mjs.

export const TABLE_PATCHES = [
  {
    // Every cell merged the table's 16 border characters into an object of its own (16 option
    // lookups a cell); a cell without characters of its own now shares the table's merged set
    // (cells only read it).
    file: 'cell.js',
    original: `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`,
    replacement: `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = this.options.chars ? undefined : mergedTableChars.get(tableChars);
    if (!chars) {
      chars = {};
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
      if (!this.options.chars) mergedTableChars.set(tableChars, chars);
    }
    this.chars = chars;`,
  },
  {
    file: 'cell.js',
    original: `class Cell {`,
    replacement: `const mergedTableChars = new WeakMap();

class Cell {`,
  },
  {
    file: 'layout-manager.js',
    original: `  function conflictExists(rows, x, y) {
    let i_max = Math.min(rows.length - 1, y);
    let cell = { x: x, y: y };
    for (let i = 0; i <= i_max; i++) {`,
    replacement: `  function conflictExists(rows, x, y) {
    let i_max = Math.min(rows.length - 1, y);
    let cell = { x: x, y: y };
    for (let i = i_max; i >= 0; i--) {`,
  },
  {
    file: 'cell.js',
    original: `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}

// HELPER FUNCTIONS
function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
    replacement: `function firstDefined(...args) {
  for (const v of args) if (v !== undefined && v !== null) return v;
  return undefined;
}

const camelNames = new Map();
function camelName(name) {
  let c = camelNames.get(name);
  if (c === undefined) {
    const parts = name.split('-');
    c = parts.length > 1 ? parts[0] + parts[1].charAt(0).toUpperCase() + parts[1].substr(1) + parts.slice(2).join('') : name;
    camelNames.set(name, c);
  }
  return c;
}

function defined(v) {
  return v !== undefined && v !== null;
}

function setOption(objA, objB, nameB, targetObj) {
  const nameA = camelName(nameB);
  if (nameA !== nameB) {
    let v = objA[nameA];
    if (!defined(v)) v = objA[nameB];
    if (!defined(v)) v = objB[nameA];
    if (!defined(v)) v = objB[nameB];
    targetObj[nameA] = defined(v) ? v : undefined;
  } else {
    let v = objA[nameB];
    if (!defined(v)) v = objB[nameB];
    targetObj[nameB] = defined(v) ? v : undefined;
  }
}`,
  },
  {
    // strlen() builds a new regular expression and measures each line twice on every call; cells
    // are measured many times a table. The same widths: colour codes out, the widest line.
    file: 'utils.js',
    original: `function strlen(str) {
  let code = codeRegex();
  let stripped = ('' + str).replace(code, '');
  let split = stripped.split('\\n');
  return split.reduce(function (memo, s) {
    return stringWidth(s) > memo ? stringWidth(s) : memo;
  }, 0);
}`,
    replacement: `const ANSI_CODE = codeRegex();
function strlen(str) {
  let stripped = '' + str;
  if (stripped.includes('\\u001b')) stripped = stripped.replace(ANSI_CODE, '');
  if (!stripped.includes('\\n')) return stringWidth(stripped);
  let max = 0;
  for (const s of stripped.split('\\n')) {
    const w = stringWidth(s);
    if (w > max) max = w;
  }
  return max;
}`,
  },
  {
    // truncateWidth() drops one character at a time and measures the whole rest again each time: a
    // long cell with one wide character costs its length squared. The same prefix in one pass: the
    // longest whose width fits.
    file: 'utils.js',
    original: `  while (strlen(str) > desiredLength) {
    str = str.slice(0, -1);
  }

  return str;
}`,
    replacement: `  let width = 0;
  let end = 0;
  for (const ch of str) {
    const w = stringWidth(ch);
    if (width + w > desiredLength) break;
    width += w;
    end += ch.length;
  }
  return str.slice(0, end);
}`,
  },
];

/** cli-table3's source file with the patches above (throws when one no longer applies). */
export function patchTableSource(file, source) {
  let out = source.replace(/\r\n/g, '\n');
  for (const p of TABLE_PATCHES.filter((x) => x.file === file)) {
    if (!out.includes(p.original)) throw new Error(`cli-table3 changed: src/${file} no longer holds the code scripts/build.mjs patches; update TABLE_PATCHES`);
    out = out.replace(p.original, p.replacement);
  }
  return out;
}

/**
 * Typed errors. Code below the CLI entry throws these and never exits; the CLI's single handler
 * maps them to exit codes (1 user error, 2 usage error) and prints `error:` / `hint:` lines.
 * The handler reads `exitKind`, not the class: each lazily loaded bundle has its own copy of
 * these classes, so `instanceof` would not see an error thrown from another bundle.
 */
export type ExitKind = 'user' | 'usage' | 'cancelled';

export function exitKindOf(e: unknown): ExitKind | undefined {
  const k = typeof e === 'object' && e !== null ? (e as { exitKind?: unknown }).exitKind : undefined;
  return k === 'user' || k === 'usage' || k === 'cancelled' ? k : undefined;
}

export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly exitKind: ExitKind = 'user';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A user catalog (or the bundled one) that does not match the schema. */
export class CatalogError extends UserError {
  override readonly name = 'CatalogError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    hint?: string,
  ) {
    super(
      `invalid catalog ${file}:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`,
      hint ?? 'model-advisor schema catalog prints the expected format',
    );
  }
}

/** A name as an error repeats it: a long one is cut, with its length said. */
function shown(name: string): string {
  return name.length <= 120 ? name : `${name.slice(0, 80)}... (${name.length.toLocaleString('en-US')} characters)`;
}

/** A name that resolves to no model. */
export class UnknownModelError extends UserError {
  override readonly name = 'UnknownModelError';
  constructor(
    readonly query: string,
    readonly suggestions: string[],
  ) {
    super(
      `unknown model "${shown(query)}"`,
      suggestions.length > 0
        ? `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? (model-advisor models --search <text> lists models)`
        : 'model-advisor models --search <text> lists the models in the catalog',
    );
  }
}

/** Wrong command line: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitKind: ExitKind = 'usage';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The person pressed Ctrl-C at a prompt. Exit code 130. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly exitKind: ExitKind = 'cancelled';
}

/**
 * Errors and diagnostics are data with stable codes; text is rendered last (see report/).
 *
 * `InputError` is thrown for anything the user must fix in their files before a command can run:
 * unreadable or malformed files, invalid schemas, unresolvable refs. The CLI maps it to exit code 2.
 */
export interface Location {
  /** Path of the file, relative to the project root where possible, with `/` separators. */
  readonly file: string;
  /** JSON pointer inside the file, when the problem is at a node. */
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Diagnostic extends Location {
  /** Stable machine-readable code, e.g. `input.json-syntax`, `schema.meta`, `ref.remote`. */
  readonly code: string;
  readonly message: string;
}

export class InputError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = "InputError";
    this.diagnostic = diagnostic;
  }
}

export function inputError(code: string, location: Location, message: string): InputError {
  return new InputError({ ...location, code, message });
}

/**
 * Each diagnostic once, in first-seen order: a shared file bundled by several versions (or contracts) is read once
 * per version, and its warnings (`schema.number-inexact`, a variant `$schema`) would otherwise repeat per version.
 */
export function uniqueDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.code, d.file, d.pointer ?? null, d.line ?? null, d.column ?? null, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line: `file:line:col: message [code]` or `file#/pointer: message [code]`. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}${d.column !== undefined ? `:${d.column}` : ""}`;
  if (d.pointer !== undefined) where += `#${shorten(d.pointer)}`;
  return `${where}: ${oneLine(d.message)} [${d.code}]`;
}

const MAX_POINTER = 160;

/** A pointer 500 levels deep is not readable on one line: keep its start and end (JSON output has it whole). */
function shorten(pointer: string): string {
  if (pointer.length <= MAX_POINTER) return pointer;
  return `${pointer.slice(0, MAX_POINTER / 2)}/…/${pointer.slice(-MAX_POINTER / 2)}`;
}

/** Diagnostics are one line each: control characters and line breaks in user text are made visible. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

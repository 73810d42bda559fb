import { formatDiagnostic, type Diagnostic } from "../src/errors.js";

/** Where command output goes; commands never call console or process directly, so tests can capture it. */
export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

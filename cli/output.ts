import { resolveProject, type Project } from "../src/config/config.js";
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

/** Warnings go to stderr, one line each, after a `warning: ` prefix so they read apart from errors. */
export function printWarnings(io: Io, warnings: readonly Diagnostic[]): void {
  for (const d of warnings) io.err(`warning: ${formatDiagnostic(d)}`);
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** The project a command works on, from its `--root` / `--config` flags. */
export function projectFrom(values: { root?: string | undefined; config?: string | undefined }, io: Io): Project {
  return resolveProject({
    cwd: io.cwd,
    ...(values.root !== undefined ? { root: values.root } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  });
}

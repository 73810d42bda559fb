import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../src/suggest/did-you-mean.js";

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  root: { type: "string" },
  config: { type: "string" },
  format: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type OutputFormat = "text" | "json";

export function outputFormat(value: string | undefined, allowed: readonly string[] = ["text", "json"]): string {
  const format = value ?? "text";
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(", ")} (got ${JSON.stringify(format)})`);
  return format;
}

/** parseArgs with our error type: unknown flags and missing values are usage errors (exit 2). */
export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: O,
  positionals = false,
): ReturnType<typeof parseArgs<{ options: O; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError(withSuggestion((error as Error).message, Object.keys(options)));
  }
}

/** Adds "did you mean" to parseArgs' unknown-option message, from the command's own flags. */
export function withSuggestion(message: string, flags: readonly string[]): string {
  const typed = /^Unknown option '--([^'=]+)'/.exec(message)?.[1];
  if (typed === undefined) return message;
  const near = closest(typed, flags);
  return near === undefined ? `unknown option --${typed} (see --help)` : `unknown option --${typed}; did you mean --${near}? (see --help)`;
}

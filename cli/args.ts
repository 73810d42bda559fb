import { parseArgs, type ParseArgsConfig } from "node:util";

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
    throw new UsageError((error as Error).message);
  }
}

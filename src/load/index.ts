import type { Draft, JsonObject } from "../ir/json.js";

/** Where loading happens: file refs must stay inside `schemasDir`; messages name files relative to `rootDir`. */
export interface LoadContext {
  /** Absolute path of the schemas folder. A file `$ref` that resolves outside it (also via symlink) is an error. */
  readonly schemasDir: string;
  /** Absolute path of the project root; diagnostics name files relative to it, with `/` separators. */
  readonly rootDir: string;
}

export interface LoadedSchema {
  /** Display path of the file (relative to rootDir, `/` separators). */
  readonly file: string;
  readonly draft: Draft;
  /**
   * Self-contained schema: every `$ref` is a local JSON pointer (`#`, `#/...`) into this object. Schemas pulled in
   * from other files are hoisted into `$defs` (`definitions` for draft-07) under stable names.
   */
  readonly schema: JsonObject;
  /** Display paths of every file read to produce `schema` (the file itself first). */
  readonly files: readonly string[];
}

/** Loads, parses and bundles one schema file. Throws `InputError` for every bad input. */
export function loadSchemaFile(_absFile: string, _ctx: LoadContext): LoadedSchema {
  throw new Error("not implemented");
}

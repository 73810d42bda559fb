import type { Diagnostic, Location } from "../errors.js";
import type { Draft, JsonObject } from "../ir/json.js";
import { bundleSchema } from "./bundle.js";
import { LoadCache } from "./doc.js";
import { refuseRefCycle } from "./ref-cycle.js";
import { refuseDeepRefs } from "./ref-depth.js";
import { resolveFiles } from "./resolve.js";

export { MAX_BUNDLE_NODES, MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_REF_DEPTH } from "./limits.js";
export type { LineColumn } from "./positions.js";
export { readDocument, SCHEMA_EXTENSIONS, type ParsedDocument } from "./read.js";
export { LoadCache } from "./doc.js";
export { isStackOverflow, stackExhausted } from "./ref-depth.js";

/** Where loading happens: file refs must stay inside `schemasDir`; messages name files relative to `rootDir`. */
export interface LoadContext {
  /** Absolute path of the schemas folder. A file `$ref` that resolves outside it (also via symlink) is an error. */
  readonly schemasDir: string;
  /** Absolute path of the project root; diagnostics name files relative to it, with `/` separators. */
  readonly rootDir: string;
  /**
   * Parsed files to share between calls in one build (e.g. `_shared/*` read once for every contract). Without it,
   * each call reads each file once. Only for one build: it does not notice files changing.
   */
  readonly cache?: LoadCache;
  /** Draft of a root file without `$schema` (default 2020-12). */
  readonly defaultDraft?: Draft;
}

export interface LoadedSchema {
  /** Display path of the file (relative to rootDir, `/` separators). */
  readonly file: string;
  readonly draft: Draft;
  /**
   * Self-contained schema: every `$ref` is a local JSON pointer (`#`, `#/...`) into this object. Schemas pulled in
   * from other files are hoisted into `$defs` (`definitions` before 2019-09) under stable names.
   */
  readonly schema: JsonObject;
  /** Display paths of every file read to produce `schema` (the file itself first). */
  readonly files: readonly string[];
  /** Sloppy but unambiguous input the loader read generously (a variant `$schema` spelling), to show as warnings. */
  readonly warnings?: readonly Diagnostic[];
}

/** Loads, parses and bundles one schema file. Throws `InputError` for every bad input. */
export function loadSchemaFile(absFile: string, ctx: LoadContext): LoadedSchema {
  return loadSchemaFileMapped(absFile, ctx).loaded;
}

/** A bundled schema plus the way back from its nodes to the files they came from. */
export interface MappedSchema {
  readonly loaded: LoadedSchema;
  /**
   * Source of the node at a pointer into `loaded.schema`: for diagnostics found in the bundle (meta-schema and
   * strict-mode errors), so reporters can name the real file, pointer and line. Hoisted `$defs` map to their file.
   */
  sourceOf(bundlePointer: string): Location;
}

/** `loadSchemaFile`, also returning the source map of the bundle. */
export function loadSchemaFileMapped(absFile: string, ctx: LoadContext): MappedSchema {
  const files = resolveFiles(absFile, {
    schemasDir: ctx.schemasDir,
    rootDir: ctx.rootDir,
    cache: ctx.cache ?? new LoadCache(),
    ...(ctx.defaultDraft !== undefined ? { defaultDraft: ctx.defaultDraft } : {}),
  });
  const bundle = bundleSchema(files);
  // Before anything follows the bundle's references: a cycle that never descends, then a chain too deep to follow.
  refuseRefCycle(bundle.schema, bundle.sourceOf);
  refuseDeepRefs(bundle.schema, bundle.sourceOf);
  return {
    loaded: {
      file: files.root.file,
      draft: files.draft,
      schema: bundle.schema,
      files: files.docs.map((doc) => doc.file),
      ...(files.warnings.length + bundle.warnings.length > 0 ? { warnings: [...files.warnings, ...bundle.warnings] } : {}),
    },
    sourceOf: bundle.sourceOf,
  };
}
